namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>Exchange's OofState values.</summary>
internal enum AutoReplyState
{
    Disabled,
    Enabled,
    Scheduled,
}
