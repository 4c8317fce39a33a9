using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Mailboxes;

/// <summary>Get-EXOMailboxStatistics: one mailbox's statistics, named by any one of its identities.</summary>
internal sealed class GetExoMailboxStatisticsCmdlet : ISandboxCmdlet
{
    private static readonly string[] IdentityParameters = ["Identity", "UserPrincipalName", "PrimarySmtpAddress", "ExchangeGuid"];

    public CmdletSignature Signature => CmdletCatalog.GetExoMailboxStatistics;

    public CmdletOutput Invoke(CmdletContext context)
    {
        var named = IdentityParameters.Where(context.Parameters.Has).ToArray();
        if (named.Length == 0)
        {
            throw ExchangeErrors.MissingMandatory(["Identity"]);
        }

        if (named.Length > 1)
        {
            throw ExchangeErrors.ParameterSetConflict();
        }

        var mailbox = context.ResolveParameter(named[0], r => r.Kind.IsMailbox());
        var properties = ExoPropertySelection.Resolve(
            Signature.Name, context.Parameters, MailboxStatisticsShape.Shape, MailboxStatisticsShape.PropertySets);
        return CmdletOutput.Of([MailboxStatistics.For(mailbox)], properties);
    }
}
