using System.Management.Automation;
using System.Net;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>Exchange's failures as PowerShell error records, categorised so <c>$_.CategoryInfo</c> says what went wrong.</summary>
internal static class ExchangeErrorRecords
{
    public static ErrorRecord FromCommandFailure(ExchangeCommandException exception, object? target) =>
        new(exception, exception.ErrorCode ?? "ExchangeCommandFailed", CategoryOf(exception.HttpStatus), target);

    private static ErrorCategory CategoryOf(HttpStatusCode? status) => status switch
    {
        HttpStatusCode.BadRequest => ErrorCategory.InvalidArgument,
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorCategory.PermissionDenied,
        HttpStatusCode.NotFound => ErrorCategory.ObjectNotFound,
        HttpStatusCode.TooManyRequests => ErrorCategory.LimitsExceeded,
        null or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => ErrorCategory.ConnectionError,
        _ => ErrorCategory.NotSpecified,
    };
}
