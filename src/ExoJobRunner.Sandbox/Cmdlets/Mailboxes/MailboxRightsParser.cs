using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Combines the bound <c>-AccessRights</c> names (already checked against the catalog) into one flags value.</summary>
internal static class MailboxRightsParser
{
    public static MailboxAccessRights Parse(IEnumerable<string> names) =>
        names.Aggregate(MailboxAccessRights.None, (rights, name) => rights | Enum.Parse<MailboxAccessRights>(name));
}
