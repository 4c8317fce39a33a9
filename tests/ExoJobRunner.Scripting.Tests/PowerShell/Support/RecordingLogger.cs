using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.PowerShell.Support;

/// <summary>A run's logger that keeps every entry, and lets a test wait for one while the body is still running.</summary>
public sealed class RecordingLogger(LogLevel minimumLevel = LogLevel.Trace) : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(string Message, TaskCompletionSource Logged)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public IReadOnlyList<string> Messages => [.. Entries.Select(entry => entry.Message)];

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimumLevel;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var entry = new LogEntry(logLevel, eventId.Name, formatter(state, exception));
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var waiter in _waiters.Where(waiter => waiter.Message == entry.Message))
            {
                waiter.Logged.TrySetResult();
            }
        }
    }

    /// <summary>Completes once an entry with exactly this message has been logged.</summary>
    public Task WaitForMessageAsync(string message)
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_entries.Any(entry => entry.Message == message))
            {
                logged.SetResult();
            }
            else
            {
                _waiters.Add((message, logged));
            }
        }

        return logged.Task;
    }
}
