using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-MailboxStatistics' output; Get-EXOMailboxStatistics returns <see cref="ExoMinimum"/> unless asked for more.</summary>
internal static class MailboxStatisticsShape
{
    public static readonly OutputShape<MailboxStatistics> Shape = new(
    [
        new("DisplayName", s => s.Mailbox.DisplayName),
        new("MailboxGuid", s => s.Mailbox.ExchangeGuid),
        new("MailboxTypeDetail", s => s.Mailbox.Kind.ToString()),
        new("ItemCount", s => s.ItemCount),
        new("TotalItemSize", s => s.TotalItemSize.ToString()),
        new("DeletedItemCount", s => s.DeletedItemCount),
        new("TotalDeletedItemSize", s => s.TotalDeletedItemSize.ToString()),
        new("AssociatedItemCount", s => s.AssociatedItemCount),
        new("LastLogonTime", s => s.LastLogonTime),
        new("LastUserActionTime", s => s.LastUserActionTime),
        new("LastInteractionTime", s => s.LastUserActionTime),
        new("IsArchiveMailbox", _ => false),
        new("OwnerADGuid", s => s.Mailbox.Guid),
        new("ExternalDirectoryOrganizationId", _ => null),
        new("Identity", s => s.Mailbox.ExchangeGuid),
        new("IsValid", _ => true),
    ]);

    public static readonly IReadOnlyList<string> ExoMinimum =
        ["DeletedItemCount", "DisplayName", "ItemCount", "MailboxGuid", "TotalDeletedItemSize", "TotalItemSize"];

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PropertySets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["Minimum"] = ExoMinimum,
    };
}
