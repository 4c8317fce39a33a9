using System.Management.Automation;

namespace ExoJobRunner.Scripting.Tests.PowerShell.Support;

/// <summary>
/// A host cmdlet stuck in a call that ignores the pipeline's stop request, the way a hung network call would be.
/// PowerShell creates the cmdlet itself, so the test controls it through a static gate.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "UninterruptibleGate")]
public sealed class WaitUninterruptibleGateCommand : Cmdlet
{
    public const string WaitingMessage = "waiting at the gate";

    public static ManualResetEventSlim Gate { get; } = new(initialState: false);

    protected override void ProcessRecord()
    {
        WriteObject(WaitingMessage);
        Gate.Wait();
    }
}
