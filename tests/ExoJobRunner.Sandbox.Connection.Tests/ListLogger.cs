using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Sandbox.Connection.Tests;

/// <summary>A run log that keeps its warnings, to see the client's retry notices.</summary>
internal sealed class ListLogger : ILogger
{
    private readonly ConcurrentQueue<string> warnings = new();

    public IReadOnlyList<string> Warnings => [.. warnings];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel == LogLevel.Warning)
        {
            warnings.Enqueue(formatter(state, exception));
        }
    }
}
