using System.Globalization;
using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// Every cmdlet the sandbox emulates, with its parameters: the single place their names and types are declared, so a
/// cmdlet manifest can later supply them instead. Enumeration parameters carry Exchange's .NET type name and values,
/// which conversion errors quote.
/// </summary>
internal static class CmdletCatalog
{
    /// <summary>RecipientTypeDetails values Exchange Online accepts; the sandbox generates only some of them, and the
    /// others simply match nothing.</summary>
    private static readonly string[] RecipientTypeDetailsValues =
    [
        "UserMailbox", "SharedMailbox", "RoomMailbox", "EquipmentMailbox", "LinkedMailbox", "DiscoveryMailbox",
        "SchedulingMailbox", "TeamMailbox", "MailUser", "GuestMailUser", "MailContact", "MailUniversalDistributionGroup",
        "MailUniversalSecurityGroup", "DynamicDistributionGroup", "RoomList", "GroupMailbox", "User", "DisabledUser",
    ];

    private static readonly string[] MailboxRightsValues =
        ["ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount", "FullAccess", "ReadPermission"];

    public static readonly CmdletSignature GetMailbox = new("Get-Mailbox", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, RecipientTypeDetails, Anr]);

    public static readonly CmdletSignature GetExoMailbox = new("Get-EXOMailbox", CmdletAccess.Read,
    [
        Identity(), new("UserPrincipalName", ParameterKind.Identity), new("PrimarySmtpAddress", ParameterKind.Identity),
        new("ExternalDirectoryObjectId", ParameterKind.Identity), Filter, ResultSizeParameter, RecipientTypeDetails, Anr,
        Properties, PropertySets("GetExoMailbox", MailboxShape.PropertySets.Keys),
    ]);

    public static readonly CmdletSignature SetMailbox = new("Set-Mailbox", CmdletAccess.Write,
    [
        Identity(mandatory: true),
        new("DisplayName", ParameterKind.String),
        new("HiddenFromAddressListsEnabled", ParameterKind.Boolean),
        new("ForwardingSmtpAddress", ParameterKind.SmtpAddress),
        new("DeliverToMailboxAndForward", ParameterKind.Boolean),
        new("LitigationHoldEnabled", ParameterKind.Boolean),
        new("Office", ParameterKind.String),
        new("Type", ParameterKind.Choice, TypeName: "Microsoft.Exchange.Management.RecipientTasks.ConvertibleMailboxSubType",
            Choices: ["Regular", "Room", "Equipment", "Shared"]),
        .. Enumerable.Range(1, 15).Select(n => new CmdletParameter(
            string.Create(CultureInfo.InvariantCulture, $"CustomAttribute{n}"), ParameterKind.String)),
    ]);

    public static readonly CmdletSignature GetMailboxStatistics = new("Get-MailboxStatistics", CmdletAccess.Read,
        [Identity(mandatory: true)]);

    public static readonly CmdletSignature GetExoMailboxStatistics = new("Get-EXOMailboxStatistics", CmdletAccess.Read,
    [
        Identity(), new("UserPrincipalName", ParameterKind.Identity), new("PrimarySmtpAddress", ParameterKind.Identity),
        new("ExchangeGuid", ParameterKind.Identity), Properties,
        PropertySets("GetExoMailboxStatistics", MailboxStatisticsShape.PropertySets.Keys),
    ]);

    public static readonly CmdletSignature GetMailboxPermission = new("Get-MailboxPermission", CmdletAccess.Read,
        [Identity(mandatory: true), new("User", ParameterKind.Identity), ResultSizeParameter]);

    public static readonly CmdletSignature AddMailboxPermission = new("Add-MailboxPermission", CmdletAccess.Write,
    [
        Identity(mandatory: true), new("User", ParameterKind.Identity, Mandatory: true), AccessRights,
        new("AutoMapping", ParameterKind.Boolean), InheritanceType, new("Deny", ParameterKind.Switch),
    ]);

    public static readonly CmdletSignature RemoveMailboxPermission = new("Remove-MailboxPermission", CmdletAccess.Write,
    [
        Identity(mandatory: true), new("User", ParameterKind.Identity, Mandatory: true), AccessRights, InheritanceType,
        new("Deny", ParameterKind.Switch),
    ]);

    public static readonly CmdletSignature GetRecipient = new("Get-Recipient", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, RecipientTypeDetails, Anr]);

    public static readonly CmdletSignature GetExoRecipient = new("Get-EXORecipient", CmdletAccess.Read,
    [
        Identity(), new("PrimarySmtpAddress", ParameterKind.Identity), new("ExternalDirectoryObjectId", ParameterKind.Identity),
        Filter, ResultSizeParameter, RecipientTypeDetails, Anr, Properties,
        PropertySets("GetExoRecipient", RecipientShape.PropertySets.Keys),
    ]);

    public static readonly CmdletSignature GetUser = new("Get-User", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, RecipientTypeDetails, Anr]);

    public static readonly CmdletSignature GetMailUser = new("Get-MailUser", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, Anr]);

    public static readonly CmdletSignature GetDistributionGroup = new("Get-DistributionGroup", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, Anr]);

    public static readonly CmdletSignature GetDistributionGroupMember = new("Get-DistributionGroupMember", CmdletAccess.Read,
        [Identity(mandatory: true), ResultSizeParameter]);

    public static readonly CmdletSignature AddDistributionGroupMember = new("Add-DistributionGroupMember", CmdletAccess.Write,
        [Identity(mandatory: true), new("Member", ParameterKind.Identity, Mandatory: true), new("BypassSecurityGroupManagerCheck", ParameterKind.Switch)]);

    public static readonly CmdletSignature RemoveDistributionGroupMember = new("Remove-DistributionGroupMember", CmdletAccess.Write,
        [Identity(mandatory: true), new("Member", ParameterKind.Identity, Mandatory: true), new("BypassSecurityGroupManagerCheck", ParameterKind.Switch)]);

    public static readonly CmdletSignature GetUnifiedGroup = new("Get-UnifiedGroup", CmdletAccess.Read,
        [Identity(), Filter, ResultSizeParameter, Anr]);

    public static readonly CmdletSignature GetUnifiedGroupLinks = new("Get-UnifiedGroupLinks", CmdletAccess.Read,
    [
        Identity(mandatory: true),
        new("LinkType", ParameterKind.Choice, Mandatory: true, TypeName: "Microsoft.Exchange.Management.RecipientTasks.LinkType",
            Choices: ["Members", "Owners", "Subscribers", "Aggregators", "EventSubscribers"]),
        ResultSizeParameter,
    ]);

    public static readonly CmdletSignature GetAcceptedDomain = new("Get-AcceptedDomain", CmdletAccess.Read, [Identity()]);

    public static readonly CmdletSignature GetOrganizationConfig = new("Get-OrganizationConfig", CmdletAccess.Read, []);

    public static readonly CmdletSignature GetMailboxAutoReplyConfiguration = new("Get-MailboxAutoReplyConfiguration", CmdletAccess.Read,
        [Identity(mandatory: true)]);

    public static readonly CmdletSignature SetMailboxAutoReplyConfiguration = new("Set-MailboxAutoReplyConfiguration", CmdletAccess.Write,
    [
        Identity(mandatory: true),
        new("AutoReplyState", ParameterKind.Choice, TypeName: "Microsoft.Exchange.Data.Storage.OofState",
            Choices: ["Disabled", "Enabled", "Scheduled"]),
        new("InternalMessage", ParameterKind.String),
        new("ExternalMessage", ParameterKind.String),
        new("ExternalAudience", ParameterKind.Choice, TypeName: "Microsoft.Exchange.Data.Storage.ExternalAudience",
            Choices: ["None", "Known", "All"]),
        new("StartTime", ParameterKind.DateTime),
        new("EndTime", ParameterKind.DateTime),
    ]);

    private static CmdletParameter Filter => new("Filter", ParameterKind.Filter);

    private static CmdletParameter ResultSizeParameter => new("ResultSize", ParameterKind.ResultSize);

    private static CmdletParameter Anr => new("Anr", ParameterKind.String);

    private static CmdletParameter Properties => new("Properties", ParameterKind.StringList);

    private static CmdletParameter RecipientTypeDetails => new("RecipientTypeDetails", ParameterKind.ChoiceList,
        TypeName: "Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails", Choices: RecipientTypeDetailsValues);

    private static CmdletParameter AccessRights => new("AccessRights", ParameterKind.ChoiceList, Mandatory: true,
        TypeName: "Microsoft.Exchange.Management.RecipientTasks.MailboxRights", Choices: MailboxRightsValues);

    private static CmdletParameter InheritanceType => new("InheritanceType", ParameterKind.Choice,
        TypeName: "System.DirectoryServices.ActiveDirectorySecurityInheritance",
        Choices: ["None", "All", "Descendents", "SelfAndChildren", "Children"]);

    private static CmdletParameter Identity(bool mandatory = false) => new("Identity", ParameterKind.Identity, mandatory);

    private static CmdletParameter PropertySets(string cmdletType, IEnumerable<string> sets) => new(
        "PropertySets",
        ParameterKind.ChoiceList,
        TypeName: $"Microsoft.Exchange.Management.RestApiClient.{cmdletType}+PropertySet",
        Choices: ["All", .. sets]);
}
