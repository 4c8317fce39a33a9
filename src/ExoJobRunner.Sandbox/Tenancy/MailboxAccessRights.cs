namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Exchange's <c>MailboxRights</c> flags with their real values, so combinations print in Exchange's order
/// ("FullAccess, ReadPermission"). SendAs is not here: Exchange Online grants it with Add-RecipientPermission.
/// </summary>
[Flags]
internal enum MailboxAccessRights
{
    None = 0,
    FullAccess = 0x1,
    ExternalAccount = 0x4,
    DeleteItem = 0x10000,
    ReadPermission = 0x20000,
    ChangePermission = 0x40000,
    ChangeOwner = 0x80000,
}
