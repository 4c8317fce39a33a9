using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>Log messages written while a profile connects.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Profile '{ProfileName}': {Warning}")]
    public static partial void ConnectionWarning(ILogger logger, string profileName, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile '{ProfileName}' connected to {Organization} ({Environment}).")]
    public static partial void Connected(ILogger logger, string profileName, string organization, ExchangeEnvironment environment);
}
