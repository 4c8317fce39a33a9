using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>The client's log messages, in one place so that no call site can log a token by accident.</summary>
internal static partial class ExchangeLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{CmdletName}: {Warning}")]
    public static partial void CmdletWarning(ILogger logger, string cmdletName, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CmdletName}: {Status} from Exchange Online; retrying in {Delay} (attempt {Attempt} of {MaxAttempts}).")]
    public static partial void RetryingAfterStatus(ILogger logger, string cmdletName, string status, string delay, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CmdletName}: connection to Exchange Online failed ({Fault}); retrying in {Delay} (attempt {Attempt} of {MaxAttempts}).")]
    public static partial void RetryingAfterTransportFault(ILogger logger, string cmdletName, string fault, string delay, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token request to Entra ID for {Organization} failed ({Fault}); retrying in {Delay} (attempt {Attempt} of {MaxAttempts}).")]
    public static partial void RetryingTokenRequest(ILogger logger, string organization, string fault, string delay, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CmdletName}: Exchange Online asked to wait {Wait} before trying again, longer than one request waits ({MaxWait}); this try ends here.")]
    public static partial void RetryAfterTooLong(ILogger logger, string cmdletName, string wait, string maxWait);
}
