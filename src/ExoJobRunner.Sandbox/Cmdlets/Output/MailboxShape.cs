using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-Mailbox's output, and the property sets Get-EXOMailbox's <c>-PropertySets</c> selects from it.</summary>
internal static class MailboxShape
{
    public static readonly OutputShape<Recipient> Shape = new(
    [
        .. RecipientProperties.Identity(),
        new("UserPrincipalName", r => r.UserPrincipalName),
        new("ExchangeGuid", r => r.ExchangeGuid),
        new("ArchiveGuid", r => r.ArchiveGuid),
        new("ArchiveStatus", r => r.HasArchive ? "Active" : "None"),
        new("ArchiveName", r => r.HasArchive ? new[] { "In-Place Archive -" + r.DisplayName } : Array.Empty<string>()),
        new("IsMailboxEnabled", _ => true),
        new("IsResource", r => r.Kind is RecipientKind.RoomMailbox or RecipientKind.EquipmentMailbox),
        new("ResourceType", r => r.Kind switch
        {
            RecipientKind.RoomMailbox => "Room",
            RecipientKind.EquipmentMailbox => "Equipment",
            _ => null,
        }),
        new("AccountDisabled", r => r.AccountDisabled),
        new("HiddenFromAddressListsEnabled", r => r.HiddenFromAddressListsEnabled),
        new("ForwardingAddress", _ => null),
        new("ForwardingSmtpAddress", r => r.ForwardingSmtpAddress),
        new("DeliverToMailboxAndForward", r => r.DeliverToMailboxAndForward),
        new("GrantSendOnBehalfTo", _ => Array.Empty<string>()),
        new("MaxSendSize", _ => new ByteQuantifiedSize(35L * 1024 * 1024).ToString()),
        new("MaxReceiveSize", _ => new ByteQuantifiedSize(36L * 1024 * 1024).ToString()),
        new("LitigationHoldEnabled", r => r.LitigationHoldEnabled),
        new("RetentionHoldEnabled", _ => false),
        new("ProhibitSendQuota", r => Quota(r, 99, 49)),
        new("ProhibitSendReceiveQuota", r => Quota(r, 100, 50)),
        new("IssueWarningQuota", r => Quota(r, 98, 48)),
        new("RecoverableItemsQuota", _ => ByteQuantifiedSize.FromGigabytes(30).ToString()),
        new("RecoverableItemsWarningQuota", _ => ByteQuantifiedSize.FromGigabytes(20).ToString()),
        new("AuditEnabled", _ => true),
        new("UsageLocation", r => r.City?.Country),
        new("Office", r => r.Office),
        .. RecipientProperties.CustomAttributes(),
        new("WhenMailboxCreated", r => r.WhenCreated),
        .. RecipientProperties.Housekeeping(),
    ]);

    /// <summary>
    /// Get-EXOMailbox's property sets. Sets whose properties the sandbox doesn't model (Move, Policy, PublicFolder,
    /// Retention, SCL, SoftDelete, StatisticsSeed, Moderation) are accepted and add nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PropertySets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["Minimum"] = RecipientProperties.ExoMinimum,
        ["AddressList"] = ["HiddenFromAddressListsEnabled"],
        ["Archive"] = ["ArchiveGuid", "ArchiveName", "ArchiveStatus"],
        ["Audit"] = ["AuditEnabled"],
        ["Custom"] = [.. Enumerable.Range(1, 15).Select(n => "CustomAttribute" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ["Delivery"] = ["ForwardingAddress", "ForwardingSmtpAddress", "DeliverToMailboxAndForward", "GrantSendOnBehalfTo", "MaxSendSize", "MaxReceiveSize"],
        ["Hold"] = ["LitigationHoldEnabled", "RetentionHoldEnabled"],
        ["Moderation"] = [],
        ["Move"] = [],
        ["Policy"] = [],
        ["PublicFolder"] = [],
        ["Quota"] = ["ProhibitSendQuota", "ProhibitSendReceiveQuota", "IssueWarningQuota", "RecoverableItemsQuota", "RecoverableItemsWarningQuota"],
        ["Resource"] = ["IsResource", "ResourceType"],
        ["Retention"] = [],
        ["SCL"] = [],
        ["SoftDelete"] = [],
        ["StatisticsSeed"] = ["ExchangeGuid"],
    };

    /// <summary>Licensed mailboxes get 100 GB; shared mailboxes without a license 50 GB.</summary>
    private static string Quota(Recipient mailbox, int licensedGigabytes, int sharedGigabytes) =>
        ByteQuantifiedSize.FromGigabytes(mailbox.Kind == RecipientKind.SharedMailbox ? sharedGigabytes : licensedGigabytes).ToString();
}
