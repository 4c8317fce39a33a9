using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// What a C# body sees as globals: <c>Job</c>, <c>Log</c>, <c>Exo</c> and <c>CancellationToken</c>.
/// </summary>
/// <remarks>
/// Roslyn requires the globals type to be public and to live in a file-backed assembly; it is loaded once,
/// in the default context, so every script assembly binds to this very type.
/// </remarks>
public sealed class ScriptGlobals
{
    private readonly ExchangeSession? _exchange;

    public ScriptGlobals(BodyRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Job = request.Job;
        Log = request.Log;
        _exchange = request.Exchange;
        CancellationToken = cancellationToken;
    }

    /// <summary>The run: job name, run id, parameters and output folder.</summary>
    public JobContext Job { get; }

    /// <summary>The run's logger; what a body logs goes to the console and the run's log file.</summary>
    public ILogger Log { get; }

    /// <summary>Signalled when the run times out or the runner stops; pass it to every await.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The job profile's shared Exchange Online session.</summary>
    /// <exception cref="InvalidOperationException">The job has no connection profile.</exception>
    public ExchangeSession Exo => _exchange ?? throw new InvalidOperationException(
        $"job '{Job.Name}' has no Exchange profile: set `profile:` in the job or `defaults.profile` in exojobs.yaml");
}
