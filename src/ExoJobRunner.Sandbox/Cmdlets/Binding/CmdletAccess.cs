namespace ExoJobRunner.Sandbox.Cmdlets.Binding;

/// <summary>Whether a cmdlet only reads or also changes the tenant: read-only roles may run only the former.</summary>
internal enum CmdletAccess
{
    Read,
    Write,
}
