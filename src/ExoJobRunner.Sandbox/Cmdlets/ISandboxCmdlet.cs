using ExoJobRunner.Sandbox.Cmdlets.Binding;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// One emulated Exchange cmdlet. <see cref="Invoke"/> runs with the tenant lock held and must not block: reads return a
/// lazy <see cref="IRecordSet"/> (evaluated page by page, also under the lock), writes apply their change before returning.
/// </summary>
internal interface ISandboxCmdlet
{
    CmdletSignature Signature { get; }

    CmdletOutput Invoke(CmdletContext context);
}
