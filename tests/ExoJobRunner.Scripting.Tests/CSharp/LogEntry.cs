using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.CSharp;

/// <summary>One call a body made on its <c>Log</c>: the rendered message and the structured values behind it.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values);
