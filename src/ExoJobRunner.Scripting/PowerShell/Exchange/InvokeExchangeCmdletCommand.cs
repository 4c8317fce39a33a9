using System.Collections;
using System.Management.Automation;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Cmdlets;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;

namespace ExoJobRunner.Scripting.PowerShell.Exchange;

/// <summary>
/// <c>Invoke-ExchangeCmdlet -Name Get-Mailbox -Parameters @{ ResultSize = 10 }</c>: runs a cmdlet on the run's shared
/// Exchange session and writes its results as they arrive. Every generated proxy (<c>Get-Mailbox</c> …) calls it with
/// its bound parameters; a body may call it directly for a cmdlet the manifest does not have.
/// </summary>
/// <remarks>
/// Exchange's refusals are non-terminating errors, as the real cmdlets' are: the body goes on unless it asked for
/// <c>-ErrorAction Stop</c>. A job without a profile, a connection that cannot be made and a parameter that cannot be
/// sent stop the statement instead, since no later call could succeed.
/// </remarks>
[Cmdlet(VerbsLifecycle.Invoke, "ExchangeCmdlet")]
[OutputType(typeof(PSObject))]
public sealed class InvokeExchangeCmdletCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The cmdlet to run, e.g. <c>Get-Mailbox</c>.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>Its parameters by name; PowerShell's common parameters among them are left out.</summary>
    [Parameter(Position = 1)]
    public IDictionary? Parameters { get; set; }

    /// <summary>
    /// The proxy function that called, whose own errors Exchange's become: <c>-ErrorAction</c> given to
    /// <c>Get-Mailbox</c> then governs them, and <c>$Error[0]</c> names Get-Mailbox rather than this command.
    /// </summary>
    [Parameter(DontShow = true)]
    public PSCmdlet? Caller { get; set; }

    public void Dispose() => _stopping.Dispose();

    protected override void ProcessRecord()
    {
        var reporter = Caller ?? this;
        if (ExchangeSessionVariable.Get(SessionState) is not { } session)
        {
            reporter.ThrowTerminatingError(NoProfileError());
            return;
        }

        var parameters = ExchangeCmdletParameters.FromBound(Parameters);
        IAsyncEnumerable<ExchangeObject> results;
        try
        {
            results = session.InvokeAsync(Name, parameters, _stopping.Token);
        }
        catch (ArgumentException exception)
        {
            reporter.ThrowTerminatingError(new ErrorRecord(exception, "ExchangeParameterNotSendable", ErrorCategory.InvalidArgument, Name));
            return;
        }

        var cmdlet = ExchangeCmdletCatalog.Find(Name);
        var enumerator = results.GetAsyncEnumerator(_stopping.Token);
        try
        {
            // The pipeline thread waits for each result so it can write it: WriteObject works on that thread only.
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                WriteObject(ExchangeResultObjects.ToPSObject(enumerator.Current, cmdlet));
            }
        }
        catch (ExchangeCommandException exception)
        {
            reporter.WriteError(ExchangeErrorRecords.FromCommandFailure(exception, TargetOf(parameters)));
        }
        catch (ExchangeConnectionException exception)
        {
            reporter.ThrowTerminatingError(new ErrorRecord(exception, "ExchangeConnectionFailed", ErrorCategory.ConnectionError, session.ProfileName));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>The body is being stopped (timeout, shutdown, Ctrl+C): abandon the request and any retry wait.</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    private static object TargetOf(Dictionary<string, object?> parameters) =>
        parameters.TryGetValue("Identity", out var identity) && identity is not null ? identity : string.Empty;

    private ErrorRecord NoProfileError()
    {
        var jobName = (SessionState.PSVariable.GetValue("Job") as JobContext)?.Name ?? "this job";
        var exception = new InvalidOperationException(
            $"{Name} needs an Exchange session, but job '{jobName}' has no connection profile: set `profile:` in the job or `defaults.profile` in exojobs.yaml.");
        return new ErrorRecord(exception, "NoExchangeProfile", ErrorCategory.InvalidOperation, Name);
    }
}
