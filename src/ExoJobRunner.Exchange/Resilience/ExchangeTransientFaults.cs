using System.Net;
using System.Net.Sockets;
using ExoJobRunner.Exchange.Rest;
using Microsoft.Identity.Client;

namespace ExoJobRunner.Exchange.Resilience;

/// <summary>
/// The one table of what is transient: which HTTP statuses the client retries within a request, and which failures a
/// run is retried for by its <c>retries:</c> policy. Both levels read it, so they never disagree about a fault.
/// </summary>
public sealed class ExchangeTransientFaults : ITransientFaultClassifier
{
    private ExchangeTransientFaults()
    {
    }

    public static ExchangeTransientFaults Instance { get; } = new();

    /// <summary>What <paramref name="status"/> says about trying again.</summary>
    public static ExchangeFaultKind Classify(HttpStatusCode status) => status switch
    {
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => ExchangeFaultKind.Transient,
        HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway => ExchangeFaultKind.Transient,
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => ExchangeFaultKind.Transient,
        HttpStatusCode.Unauthorized => ExchangeFaultKind.TokenRejected,
        HttpStatusCode.Forbidden => ExchangeFaultKind.Refused,
        _ => ExchangeFaultKind.CallerError,
    };

    /// <summary>
    /// Wrappers are looked through because faults reach the runner through layers: PowerShell wraps a cmdlet's exception
    /// in its own, and a C# body may catch and rethrow with context.
    /// </summary>
    public bool IsTransient(Exception? fault) => ExceptionChain.Flatten(fault).Any(IsTransientItself);

    /// <summary>
    /// A request's transport fault: the connection failed or broke while a response was read, or HttpClient's own timeout
    /// expired (a cancellation nobody asked for). Cancellation by the caller is never a fault.
    /// </summary>
    internal static bool IsTransportFault(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException { StatusCode: null } or IOException or SocketException or TimeoutException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    /// <summary>
    /// Entra ID's answer to a token request that says "not now": a transient status, or MSAL's own words for a request
    /// that timed out or found the service unavailable.
    /// </summary>
    internal static bool IsTransientEntraFault(MsalServiceException fault) =>
        fault.StatusCode > 0
            ? Classify((HttpStatusCode)fault.StatusCode) == ExchangeFaultKind.Transient
            : fault.ErrorCode is MsalError.RequestTimeout or MsalError.ServiceNotAvailable;

    private static bool IsTransientItself(Exception error) => error switch
    {
        // After the client's own retries: no status means no response arrived, which a later run may survive; a status
        // counts as the table says (a 401 here has already survived a fresh token, so it is a refusal).
        ExchangeCommandException command => command.HttpStatus is not { } status || Classify(status) == ExchangeFaultKind.Transient,
        HttpRequestException http => http.StatusCode is not { } status || Classify(status) == ExchangeFaultKind.Transient,
        MsalServiceException entra => IsTransientEntraFault(entra),
        SocketException => true,

        // HttpClient reports its own timeout as a cancellation wrapping a TimeoutException.
        TimeoutException => true,

        // Everything else, an ExchangeConnectionException included: Entra's refusals (wrong app, certificate or
        // consent) refuse again, while a connection that failed on the network wraps the transport fault found above.
        _ => false,
    };
}
