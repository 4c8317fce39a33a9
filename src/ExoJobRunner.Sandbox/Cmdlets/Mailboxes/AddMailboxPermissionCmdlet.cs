using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>
/// Add-MailboxPermission: grants rights to a user and returns the resulting entry. Granting what is already granted
/// changes nothing and warns, as Exchange does.
/// </summary>
internal sealed class AddMailboxPermissionCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.AddMailboxPermission;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        var user = context.ResolveParameter("User", r => r.Kind.IsUser());
        var rights = MailboxRightsParser.Parse(context.Parameters.List("AccessRights")!);
        var entries = context.Tenant.PermissionsOf(mailbox);
        var entry = entries.FirstOrDefault(e => ReferenceEquals(e.Principal, user));
        if (entry is not null && (entry.Rights & rights) == rights)
        {
            return CmdletOutput.Of(
                [new MailboxPermissionRow(mailbox, entry)],
                MailboxPermissionShape.Shape.Properties,
                ExchangeErrors.PermissionAlreadyPresent(user.Name));
        }

        if (entry is null)
        {
            entry = new MailboxPermissionEntry(user.UserPrincipalName!, user, rights);
            entries.Add(entry);
        }
        else
        {
            entry.Rights |= rights;
        }

        context.Touch(mailbox);
        return CmdletOutput.Of([new MailboxPermissionRow(mailbox, entry)], MailboxPermissionShape.Shape.Properties);
    }
}
