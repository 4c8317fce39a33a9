using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Set-MailboxAutoReplyConfiguration: changes the given settings and returns nothing.</summary>
internal sealed class SetMailboxAutoReplyConfigurationCmdlet : ISandboxCmdlet
{
    public CmdletSignature Signature => CmdletCatalog.SetMailboxAutoReplyConfiguration;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var parameters = context.Parameters;
        var mailbox = context.ResolveParameter("Identity", r => r.Kind.IsMailbox());
        var configuration = AutoReplyConfiguration.Of(mailbox);
        if (parameters.String("AutoReplyState") is { } state)
        {
            configuration.State = Enum.Parse<AutoReplyState>(state);
        }

        if (parameters.String("ExternalAudience") is { } audience)
        {
            configuration.ExternalAudience = Enum.Parse<ExternalAudience>(audience);
        }

        if (parameters.Has("InternalMessage"))
        {
            configuration.InternalMessage = parameters.String("InternalMessage") ?? string.Empty;
        }

        if (parameters.Has("ExternalMessage"))
        {
            configuration.ExternalMessage = parameters.String("ExternalMessage") ?? string.Empty;
        }

        if (parameters.Date("StartTime") is { } start)
        {
            configuration.StartTime = start;
        }

        if (parameters.Date("EndTime") is { } end)
        {
            configuration.EndTime = end;
        }

        context.Touch(mailbox);
        return CmdletOutput.Nothing();
    }
}
