namespace ExoJobRunner.Core.Running;

/// <summary>What a running body knows about its run: the <c>Job</c> global in C#, <c>$Job</c> in PowerShell.</summary>
public sealed class JobContext
{
    public JobContext(string name, string runId, IReadOnlyDictionary<string, string> parameters, string outputDirectory)
    {
        Name = name;
        RunId = runId;
        Parameters = parameters;
        OutputDirectory = outputDirectory;
    }

    public string Name { get; }

    public string RunId { get; }

    /// <summary>The job's parameters after <c>--param</c> overrides, compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>This run's own folder; files a body writes here are kept with the run.</summary>
    public string OutputDirectory { get; }
}
