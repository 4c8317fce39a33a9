using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Core.Running.Logging;

/// <summary>
/// The log of one run: every entry goes to the run folder's <c>run.log</c> (all levels, with exception details)
/// and, at <see cref="ConsoleLevel"/> and above, to the console writer so <c>exojobs run</c> streams it live.
/// Safe for concurrent writers (PowerShell streams arrive on pipeline threads).
/// </summary>
public sealed class RunLog : ILogger, IDisposable
{
    /// <summary>The log's name in the run's folder.</summary>
    public const string FileName = "run.log";

    private readonly Lock _gate = new();
    private readonly StreamWriter _file;
    private readonly TextWriter? _console;
    private readonly TimeProvider _time;
    private bool _disposed;

    /// <summary>Creates the log of a new run; a file already there means two runs share a folder, and is refused.</summary>
    public RunLog(string logFilePath, TextWriter? console, LogLevel consoleLevel, TimeProvider time)
        : this(logFilePath, FileMode.CreateNew, console, consoleLevel, time)
    {
    }

    private RunLog(string logFilePath, FileMode mode, TextWriter? console, LogLevel consoleLevel, TimeProvider time)
    {
        _file = new StreamWriter(new FileStream(logFilePath, mode, FileAccess.Write, FileShare.Read))
        {
            AutoFlush = true,
        };
        _console = console;
        ConsoleLevel = consoleLevel;
        _time = time;
        FilePath = logFilePath;
    }

    public string FilePath { get; }

    public LogLevel ConsoleLevel { get; }

    /// <summary>
    /// Opens an ended run's log to add to it (what became of its notifications), creating it and its folder when the
    /// run ended before it could.
    /// </summary>
    public static RunLog Append(string logFilePath, TextWriter? console, LogLevel consoleLevel, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logFilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFilePath))!);
        return new RunLog(logFilePath, FileMode.Append, console, consoleLevel, time);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var now = _time.GetUtcNow();
        var level = LevelName(logLevel);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _file.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ss.fffZ} {level} {message}"));
            if (exception is not null)
            {
                _file.WriteLine(exception.ToString());
            }

            if (_console is not null && logLevel >= ConsoleLevel)
            {
                var line = exception is null || message.Contains(exception.Message, StringComparison.Ordinal)
                    ? message
                    : $"{message}: {exception.Message}";
                _console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now.ToLocalTime():HH:mm:ss} {level} {line}"));
                _console.Flush();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _file.Dispose();
            }
            catch (IOException)
            {
                // The disk filled up after the last line was written (each line is flushed as it is written): nothing
                // is lost by closing anyway, and the run's outcome must not be lost to a failing close.
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO ",
        LogLevel.Warning => "WARN ",
        LogLevel.Error => "ERROR",
        _ => "CRIT ",
    };
}
