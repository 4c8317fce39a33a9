using System.Collections.Frozen;
using ExoJobRunner.Sandbox.Cmdlets.Groups;
using ExoJobRunner.Sandbox.Cmdlets.Mailboxes;
using ExoJobRunner.Sandbox.Cmdlets.Organization;
using ExoJobRunner.Sandbox.Cmdlets.Recipients;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>The emulated cmdlets by name, case-insensitively as PowerShell resolves command names.</summary>
internal static class CmdletRegistry
{
    private static readonly FrozenDictionary<string, ISandboxCmdlet> ByName = new ISandboxCmdlet[]
    {
        new GetMailboxCmdlet(),
        new GetExoMailboxCmdlet(),
        new SetMailboxCmdlet(),
        new GetMailboxStatisticsCmdlet(),
        new GetExoMailboxStatisticsCmdlet(),
        new GetMailboxPermissionCmdlet(),
        new AddMailboxPermissionCmdlet(),
        new RemoveMailboxPermissionCmdlet(),
        new GetMailboxAutoReplyConfigurationCmdlet(),
        new SetMailboxAutoReplyConfigurationCmdlet(),
        new GetRecipientCmdlet(),
        new GetExoRecipientCmdlet(),
        new GetUserCmdlet(),
        new GetMailUserCmdlet(),
        new GetDistributionGroupCmdlet(),
        new GetDistributionGroupMemberCmdlet(),
        new AddDistributionGroupMemberCmdlet(),
        new RemoveDistributionGroupMemberCmdlet(),
        new GetUnifiedGroupCmdlet(),
        new GetUnifiedGroupLinksCmdlet(),
        new GetAcceptedDomainCmdlet(),
        new GetOrganizationConfigCmdlet(),
    }.ToFrozenDictionary(c => c.Signature.Name, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<ISandboxCmdlet> All => ByName.Values;

    public static ISandboxCmdlet? Find(string name) => ByName.GetValueOrDefault(name);
}
