using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Tests.Notifications.Support;

/// <summary>A run log that keeps its lines in memory, so a test can read what the dispatcher said.</summary>
internal sealed class RecordingLog : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    public string Text => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _lines.Add($"{logLevel} {formatter(state, exception)}");
        }
    }
}
