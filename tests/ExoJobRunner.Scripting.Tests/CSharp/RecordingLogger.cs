using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.CSharp;

/// <summary>An <see cref="ILogger"/> that keeps every entry, so tests can see what a body logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly TaskCompletionSource _firstEntry = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Completes when the body logs for the first time: proof that it is running.</summary>
    public Task FirstEntry => _firstEntry.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        IReadOnlyList<KeyValuePair<string, object?>> values =
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
        _entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), values));
        _firstEntry.TrySetResult();
    }
}
