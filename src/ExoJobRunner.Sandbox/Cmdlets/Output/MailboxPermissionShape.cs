namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>
/// Get-MailboxPermission's output. <c>AccessRights</c> is a list holding one flags value, so several rights read
/// "FullAccess, ReadPermission" as in Exchange.
/// </summary>
internal static class MailboxPermissionShape
{
    public static readonly OutputShape<MailboxPermissionRow> Shape = new(
    [
        new("Identity", p => p.Mailbox.Name),
        new("User", p => p.Entry.User),
        new("AccessRights", p => new[] { p.Entry.Rights.ToString() }),
        new("IsInherited", _ => false),
        new("Deny", _ => false),
        new("InheritanceType", _ => "All"),
        new("IsValid", _ => true),
    ]);
}
