using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// The log entries a PowerShell body's streams become: one stable template and event id per stream, so log
/// readers can filter on them, at the level the stream's meaning maps to.
/// </summary>
internal static partial class PowerShellStreamLog
{
    [LoggerMessage(EventId = 4101, EventName = "PowerShellOutput", Level = LogLevel.Information, Message = "{Output}")]
    public static partial void Output(ILogger logger, string output);

    [LoggerMessage(EventId = 4102, EventName = "PowerShellError", Level = LogLevel.Error, Message = "{ErrorMessage}")]
    public static partial void Error(ILogger logger, string errorMessage);

    [LoggerMessage(EventId = 4103, EventName = "PowerShellErrorInBody", Level = LogLevel.Error, Message = "{ErrorMessage} at line {Line}")]
    public static partial void ErrorInBody(ILogger logger, string errorMessage, int line);

    [LoggerMessage(EventId = 4104, EventName = "PowerShellErrorInOtherFile", Level = LogLevel.Error, Message = "{ErrorMessage} at {File} line {Line}")]
    public static partial void ErrorInOtherFile(ILogger logger, string errorMessage, string file, int line);

    [LoggerMessage(EventId = 4105, EventName = "PowerShellWarning", Level = LogLevel.Warning, Message = "{Warning}")]
    public static partial void Warning(ILogger logger, string warning);

    [LoggerMessage(EventId = 4106, EventName = "PowerShellInformation", Level = LogLevel.Information, Message = "{Information}")]
    public static partial void Information(ILogger logger, string? information);

    [LoggerMessage(EventId = 4107, EventName = "PowerShellVerbose", Level = LogLevel.Debug, Message = "{Verbose}")]
    public static partial void Verbose(ILogger logger, string verbose);

    [LoggerMessage(EventId = 4108, EventName = "PowerShellDebug", Level = LogLevel.Trace, Message = "{Debug}")]
    public static partial void Debug(ILogger logger, string debug);
}
