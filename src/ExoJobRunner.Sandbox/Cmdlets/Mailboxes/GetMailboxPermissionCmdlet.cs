using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-MailboxPermission: the entries on one mailbox, optionally only those of <c>-User</c>.</summary>
internal sealed class GetMailboxPermissionCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.GetMailboxPermission;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        var user = context.Parameters.Has("User") ? context.ResolveParameter("User", r => r.Kind.IsUser()) : null;
        var rows = context.Tenant.PermissionsOf(mailbox)
            .Where(entry => user is null || ReferenceEquals(entry.Principal, user))
            .Select(entry => new MailboxPermissionRow(mailbox, entry))
            .ToArray();
        return new CmdletOutput(
            new RecordSet<MailboxPermissionRow>(rows, MailboxPermissionShape.Shape.Properties, null, context.Parameters.ResultSize),
            []);
    }
}
