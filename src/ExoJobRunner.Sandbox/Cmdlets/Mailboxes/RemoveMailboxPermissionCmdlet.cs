using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Remove-MailboxPermission: takes rights away; an entry left with no rights disappears. Returns nothing.</summary>
internal sealed class RemoveMailboxPermissionCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.RemoveMailboxPermission;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        var user = context.ResolveParameter("User", r => r.Kind.IsUser());
        var rights = MailboxRightsParser.Parse(context.Parameters.List("AccessRights")!);
        var entries = context.Tenant.PermissionsOf(mailbox);
        var entry = entries.FirstOrDefault(e => ReferenceEquals(e.Principal, user));
        if (entry is null || (entry.Rights & rights) == MailboxAccessRights.None)
        {
            return CmdletOutput.Nothing(ExchangeErrors.PermissionAbsent(mailbox.DistinguishedName, user.UserPrincipalName!));
        }

        entry.Rights &= ~rights;
        if (entry.Rights == MailboxAccessRights.None)
        {
            entries.Remove(entry);
        }

        context.Touch(mailbox);
        return CmdletOutput.Nothing();
    }
}
