using System.Management.Automation;
using ExoJobRunner.Core.Jobs;
using Microsoft.Extensions.Logging;
using PowerShellPipeline = System.Management.Automation.PowerShell;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Writes every PowerShell stream of one run to the run's logger as records arrive, so a long job's log shows its
/// progress while it runs. Records are taken out of their collections as they are logged: a job that emits a
/// hundred thousand objects must not also keep them all in memory.
/// </summary>
internal sealed class PowerShellStreamLogger : IDisposable
{
    private readonly JobBody _body;
    private readonly ILogger _log;
    private readonly PowerShellOutputFormatter _outputFormatter = new();

    public PowerShellStreamLogger(PowerShellPipeline pipeline, JobBody body, ILogger log)
    {
        _body = body;
        _log = log;

        var streams = pipeline.Streams;
        LogAsAdded(Output, LogOutput);
        LogAsAdded(streams.Error, LogError);
        LogAsAdded(streams.Warning, record => PowerShellStreamLog.Warning(_log, record.Message));
        LogAsAdded(streams.Information, LogInformation);
        LogAsAdded(streams.Verbose, record => PowerShellStreamLog.Verbose(_log, record.Message));
        LogAsAdded(streams.Debug, record => PowerShellStreamLog.Debug(_log, record.Message));
    }

    /// <summary>The collection to pass as the pipeline's output.</summary>
    public PSDataCollection<PSObject> Output { get; } = [];

    /// <summary>How many error records the body wrote (each was logged as it came).</summary>
    public int ErrorCount { get; private set; }

    /// <summary>The first error record's text, for the run's summary.</summary>
    public string? FirstError { get; private set; }

    public void Dispose() => Output.Dispose();

    private static void LogAsAdded<T>(PSDataCollection<T> stream, Action<T> log) =>
        stream.DataAdded += (_, _) =>
        {
            foreach (var item in stream.ReadAll())
            {
                if (item is not null)
                {
                    log(item);
                }
            }
        };

    private void LogOutput(PSObject item)
    {
        // Formatting an object runs Out-String; skip it when the entry would be dropped anyway.
        if (!_log.IsEnabled(LogLevel.Information))
        {
            return;
        }

        if (_outputFormatter.Format(item) is { } text)
        {
            PowerShellStreamLog.Output(_log, text);
        }
    }

    private void LogInformation(InformationRecord record)
    {
        // Write-Host and Write-Information both land here; MessageData is whatever object they were given.
        var text = record.MessageData?.ToString();
        PowerShellStreamLog.Information(_log, text);
    }

    private void LogError(ErrorRecord record)
    {
        var message = record.ToString();
        ErrorCount++;
        FirstError ??= message;
        switch (ErrorRecordLocator.Locate(record, _body))
        {
            case null:
                PowerShellStreamLog.Error(_log, message);
                break;
            case var location when location.FilePath == _body.FilePath:
                PowerShellStreamLog.ErrorInBody(_log, message, location.Line);
                break;
            case var location:
                PowerShellStreamLog.ErrorInOtherFile(_log, message, location.FilePath, location.Line);
                break;
        }
    }
}
