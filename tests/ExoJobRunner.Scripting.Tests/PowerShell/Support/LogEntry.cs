using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.PowerShell.Support;

/// <summary>One entry a body wrote to its run's log.</summary>
public sealed record LogEntry(LogLevel Level, string? EventName, string Message);
