using System.Collections.Concurrent;
using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Core.Tests.Scheduling.Support;

/// <summary>
/// The scheduler's run port as the tests see it: it records every run the scheduler starts and, when asked, keeps
/// runs going until the test releases them, so overlap policies can be observed at exact fake-clock instants.
/// </summary>
internal sealed class RecordingRunner : IScheduledRunner
{
    private readonly ConcurrentQueue<ScheduledRun> _started = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _running = new();
    private readonly SemaphoreSlim _startSignal = new(0);
    private int _concurrent;

    /// <summary>When true, each run lasts until <see cref="Release"/> (or the scheduler stops it).</summary>
    public bool HoldRuns { get; init; }

    public IReadOnlyList<ScheduledRun> Started => [.. _started];

    /// <summary>The most runs that were going at the same moment.</summary>
    public int PeakConcurrency { get; private set; }

    /// <summary>Runs that ended because the scheduler canceled them.</summary>
    public int CanceledCount { get; private set; }

    public async Task<RunResult> RunAsync(ScheduledRun run, JobLock heldLock, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var concurrent = Interlocked.Increment(ref _concurrent);
        lock (_started)
        {
            PeakConcurrency = Math.Max(PeakConcurrency, concurrent);
        }

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[run.RunId] = gate;
        _started.Enqueue(run);
        _startSignal.Release();
        var status = RunStatus.Succeeded;
        try
        {
            if (HoldRuns)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            status = RunStatus.Canceled;
            lock (_started)
            {
                CanceledCount++;
            }
        }
        finally
        {
            _running.TryRemove(run.RunId, out _);
            Interlocked.Decrement(ref _concurrent);
        }

        return new RunResult
        {
            RunId = run.RunId,
            JobName = run.Job.Name,
            Status = status,
            ExitCode = status == RunStatus.Succeeded ? ExitCodes.Succeeded : ExitCodes.Interrupted,
            StartedAt = startedAt,
            EndedAt = DateTimeOffset.UtcNow,
            OutputDirectory = string.Empty,
        };
    }

    /// <summary>Waits until at least <paramref name="count"/> runs have started in all.</summary>
    public async Task WaitForStartsAsync(int count)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (_started.Count < count)
        {
            await _startSignal.WaitAsync(limit.Token);
        }
    }

    /// <summary>Lets the held run <paramref name="runId"/> end successfully.</summary>
    public void Release(string runId)
    {
        if (_running.TryGetValue(runId, out var gate))
        {
            gate.TrySetResult();
        }
    }
}
