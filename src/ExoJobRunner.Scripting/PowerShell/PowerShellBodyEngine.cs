using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.PowerShell.Exchange;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// Parses and runs PowerShell bodies in-process, on a warm pool of runspaces that is reset between runs.
/// Every PowerShell stream goes to the run's logger as it is written.
/// </summary>
internal sealed class PowerShellBodyEngine : IJobBodyEngine, IAsyncDisposable
{
    private const int DefaultMaxIdleRunspaces = 4;
    private static readonly TimeSpan DefaultStopGracePeriod = TimeSpan.FromSeconds(10);

    private readonly WarmRunspacePool _pool;
    private readonly TimeSpan _stopGracePeriod;

    /// <summary>An engine whose runspaces have the Exchange cmdlets (<c>Get-Mailbox</c> …) bound to each run's session.</summary>
    public PowerShellBodyEngine()
        : this(new PowerShellSessionStateFactory(ExchangePowerShellCommands.Create()))
    {
    }

    public PowerShellBodyEngine(PowerShellSessionStateFactory sessionStateFactory)
        : this(sessionStateFactory, DefaultMaxIdleRunspaces, DefaultStopGracePeriod)
    {
    }

    /// <param name="sessionStateFactory">Builds the session state every runspace opens with.</param>
    /// <param name="maxIdleRunspaces">How many open runspaces to keep between runs.</param>
    /// <param name="stopGracePeriod">How long a canceled run may take to stop before the caller is released anyway.</param>
    internal PowerShellBodyEngine(PowerShellSessionStateFactory sessionStateFactory, int maxIdleRunspaces, TimeSpan stopGracePeriod)
    {
        ArgumentNullException.ThrowIfNull(sessionStateFactory);
        _pool = new WarmRunspacePool(sessionStateFactory.Create(), maxIdleRunspaces);
        _stopGracePeriod = stopGracePeriod;
    }

    public BodyLanguage Language => BodyLanguage.PowerShell;

    internal int IdleRunspaceCount => _pool.IdleCount;

    public Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken)
    {
        ThrowIfNotPowerShell(body);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(PowerShellBodyParser.Parse(body).Diagnostics);
    }

    public async Task<BodyOutcome> RunAsync(JobBody body, BodyRunRequest request, CancellationToken cancellationToken)
    {
        ThrowIfNotPowerShell(body);
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var parsed = PowerShellBodyParser.Parse(body);
        if (parsed.HasErrors)
        {
            return BodyOutcome.InvalidBody(parsed.Diagnostics);
        }

        var run = PowerShellBodyRun.Start(_pool, body, parsed.Ast, request, cancellationToken);
        try
        {
            return await run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run's thread is stopping the pipeline. Waiting briefly lets its runspace go back to the pool before
            // the caller moves on (or disposes the engine); a body stuck in a call that cannot be interrupted must
            // not hold the caller, so the wait is bounded and the stuck run keeps only its own thread.
            await ((Task)run).WaitAsync(_stopGracePeriod, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        _pool.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void ThrowIfNotPowerShell(JobBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Language != BodyLanguage.PowerShell)
        {
            throw new ArgumentException($"The PowerShell engine cannot run a {body.Language} body.", nameof(body));
        }
    }
}
