using System.Net;
using System.Net.Sockets;
using ExoJobRunner.Exchange.Rest;

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
    public bool IsTransient(Exception? fault) => Flatten(fault).Any(IsTransientItself);

    /// <summary>
    /// A request's transport fault: the connection failed or broke while a response was read, or HttpClient's own timeout
    /// expired (a cancellation nobody asked for). Cancellation by the caller is never a fault.
    /// </summary>
    internal static bool IsTransportFault(Exception exception, CancellationToken callerToken) =>
        exception is HttpRequestException { StatusCode: null } or IOException or SocketException or TimeoutException
        || (exception is OperationCanceledException && !callerToken.IsCancellationRequested);

    private static bool IsTransientItself(Exception error) => error switch
    {
        // After the client's own retries: no status means no response arrived, which a later run may survive; a status
        // counts as the table says (a 401 here has already survived a fresh token, so it is a refusal).
        ExchangeCommandException command => command.HttpStatus is not { } status || Classify(status) == ExchangeFaultKind.Transient,
        HttpRequestException http => http.StatusCode is not { } status || Classify(status) == ExchangeFaultKind.Transient,
        SocketException => true,

        // HttpClient reports its own timeout as a cancellation wrapping a TimeoutException.
        TimeoutException => true,

        // Everything else, an ExchangeConnectionException included: Entra's refusals (wrong app, certificate or
        // consent) refuse again, while a connection that failed on the network wraps the transport fault found above.
        _ => false,
    };

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        var pending = new Stack<Exception>();
        if (error is not null)
        {
            pending.Push(error);
        }

        // A wrapper chain is short, but a bound keeps a pathological (cyclic) chain from hanging the scheduler.
        for (var seen = 0; pending.Count > 0 && seen < 64; seen++)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }
    }
}
