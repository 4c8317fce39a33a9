using System.Management.Automation;
using System.Management.Automation.Language;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using PowerShellPipeline = System.Management.Automation.PowerShell;

namespace ExoJobRunner.Scripting.PowerShell;

/// <summary>
/// One execution of a body on a pooled runspace, on a background thread of its own: a pipeline stuck in a call
/// PowerShell cannot interrupt then holds only that thread, never a thread pool thread or the process's exit.
/// </summary>
internal sealed class PowerShellBodyRun
{
    // Deep script recursion runs on this thread; PowerShell gives its own pipeline threads this stack size on every
    // platform so a script recurses equally deep everywhere.
    private const int PipelineThreadStackSize = 10_000_000;

    // Invoking the body in a child scope, as running a .ps1 file does, means its variables and functions end with it.
    private const string ChildScopeLauncher = "& $args[0]";

    private readonly WarmRunspacePool _pool;
    private readonly JobBody _body;
    private readonly ScriptBlockAst _ast;
    private readonly BodyRunRequest _request;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<BodyOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PowerShellBodyRun(
        WarmRunspacePool pool,
        JobBody body,
        ScriptBlockAst ast,
        BodyRunRequest request,
        CancellationToken cancellationToken)
    {
        _pool = pool;
        _body = body;
        _ast = ast;
        _request = request;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Starts the run. The task ends with the outcome once the runspace is back in the pool (or disposed); it is
    /// canceled when <paramref name="cancellationToken"/> has fired before the run's thread starts. A cancellation
    /// after that stops the pipeline, and the caller, not this task, reports it.
    /// </summary>
    public static Task<BodyOutcome> Start(
        WarmRunspacePool pool,
        JobBody body,
        ScriptBlockAst ast,
        BodyRunRequest request,
        CancellationToken cancellationToken)
    {
        var run = new PowerShellBodyRun(pool, body, ast, request, cancellationToken);
        var thread = new Thread(run.Execute, PipelineThreadStackSize)
        {
            IsBackground = true,
            Name = "PowerShell job " + request.Job.Name,
        };
        thread.Start();
        return run._completion.Task;
    }

    private void Execute()
    {
        try
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _completion.SetResult(RunOnPooledRunspace());
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            _completion.SetCanceled(_cancellationToken);
        }
        catch (PowerShellInstallationException broken)
        {
            _completion.SetResult(new BodyOutcome(BodyOutcomeKind.InstallationBroken, [], broken, broken.Message));
        }
        catch (Exception exception)
        {
            // Nothing above this thread would catch it: an escaping exception would end the process.
            _completion.SetException(exception);
        }
    }

    private BodyOutcome RunOnPooledRunspace()
    {
        var runspace = _pool.Rent();
        try
        {
            return RunOn(runspace);
        }
        finally
        {
            _pool.Return(runspace);
        }
    }

    private BodyOutcome RunOn(PooledRunspace runspace)
    {
        using var pipeline = PowerShellPipeline.Create();
        pipeline.Runspace = runspace.Runspace;
        pipeline.AddScript(ChildScopeLauncher).AddArgument(_ast.GetScriptBlock());
        using var streamLogger = new PowerShellStreamLogger(pipeline, _body, _request.Log);

        // Stop() before the pipeline is running is ignored, so a cancellation that lands between registering and
        // starting is caught up with when the pipeline reports Running.
        pipeline.InvocationStateChanged += (_, change) =>
        {
            if (change.InvocationStateInfo.State == PSInvocationState.Running && _cancellationToken.IsCancellationRequested)
            {
                BeginStop(pipeline);
            }
        };
        using var stopOnCancel = _cancellationToken.Register(() => BeginStop(pipeline));

        try
        {
            PowerShellRunEnvironment.Apply(runspace.Runspace, _body, _request);
            pipeline.Invoke(input: null, streamLogger.Output);
        }
        catch (RuntimeException exception)
        {
            return PowerShellFailure.FromTerminatingError(exception, _body);
        }

        if (runspace.Host.RequestedExitCode is { } exitCode and not 0)
        {
            return PowerShellFailure.FromExitCode(exitCode);
        }

        return streamLogger.ErrorCount > 0
            ? PowerShellFailure.CompletedWithErrors(streamLogger.ErrorCount, streamLogger.FirstError)
            : BodyOutcome.Success([]);
    }

    private static void BeginStop(PowerShellPipeline pipeline)
    {
        if (pipeline.InvocationStateInfo.State == PSInvocationState.Running)
        {
            // Fire and forget: the run's thread observes the stop when Invoke returns.
            _ = pipeline.StopAsync(callback: null, state: null);
        }
    }
}
