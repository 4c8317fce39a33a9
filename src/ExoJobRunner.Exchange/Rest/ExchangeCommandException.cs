using System.Net;
using ExoJobRunner.Exchange.Resilience;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// A cmdlet failed in Exchange Online (or could not reach it after every retry). Its message names the cmdlet, the
/// HTTP status, Exchange's error code and message, and the request id Microsoft support asks for.
/// </summary>
public sealed class ExchangeCommandException : Exception
{
    public ExchangeCommandException()
    {
    }

    public ExchangeCommandException(string message)
        : base(message)
    {
        ErrorMessage = message;
    }

    public ExchangeCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorMessage = message;
    }

    /// <param name="cmdletName">The cmdlet that failed.</param>
    /// <param name="httpStatus">The final HTTP status, or null when no response arrived (a transport fault).</param>
    /// <param name="errorCode">Exchange's error code, when it sent one.</param>
    /// <param name="errorMessage">Exchange's own message (or the transport fault's).</param>
    /// <param name="requestId">The <c>request-id</c> response header.</param>
    /// <param name="innerException">The transport or parsing fault behind the failure, if any.</param>
    public ExchangeCommandException(
        string cmdletName, HttpStatusCode? httpStatus, string? errorCode, string errorMessage, string? requestId, Exception? innerException = null)
        : base(Compose(cmdletName, httpStatus, errorCode, errorMessage, requestId), innerException)
    {
        CmdletName = cmdletName;
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        RequestId = requestId;
    }

    public string? CmdletName { get; }

    public HttpStatusCode? HttpStatus { get; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public string? RequestId { get; }

    /// <summary>The <c>client-request-id</c> this client sent with the failing request.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>The server-side exception type (<c>x-ExceptionType</c> header), when Exchange named one.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>How long Exchange asked the client to wait before trying again (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Exchange refused the app (403, or a 401 that survived a fresh token: no Exchange.ManageAsApp, no supported role, a
    /// role too narrow for the cmdlet). Never retried: the set-up needs fixing, and <c>exojobs doctor</c> says how.
    /// </summary>
    public bool IsRefusal =>
        HttpStatus is { } status && ExchangeTransientFaults.Classify(status) is ExchangeFaultKind.TokenRejected or ExchangeFaultKind.Refused;

    private static string Compose(string cmdletName, HttpStatusCode? httpStatus, string? errorCode, string errorMessage, string? requestId)
    {
        var facts = new List<string>
        {
            httpStatus is { } status
                ? ExchangeRetryPipeline.DescribeStatus(status)
                : "no response",
        };
        if (errorCode is not null)
        {
            facts.Add($"error {errorCode}");
        }

        if (requestId is not null)
        {
            facts.Add($"request id {requestId}");
        }

        return $"{cmdletName} failed ({string.Join(", ", facts)}): {errorMessage}";
    }
}
