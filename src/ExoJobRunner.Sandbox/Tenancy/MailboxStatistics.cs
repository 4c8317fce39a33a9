namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// What Get-MailboxStatistics reports for a mailbox, derived from its trait hash: sizes spread log-uniformly
/// (a few megabytes to tens of gigabytes for people, less for shared and room mailboxes) so reports have a realistic tail.
/// </summary>
internal sealed record MailboxStatistics(
    Recipient Mailbox,
    long ItemCount,
    ByteQuantifiedSize TotalItemSize,
    long DeletedItemCount,
    ByteQuantifiedSize TotalDeletedItemSize,
    long AssociatedItemCount,
    DateTimeOffset? LastLogonTime,
    DateTimeOffset? LastUserActionTime)
{
    private const double Megabyte = 1024d * 1024;

    public static MailboxStatistics For(Recipient mailbox)
    {
        var (smallest, largest) = mailbox.GeneratedKind switch
        {
            RecipientKind.UserMailbox => (2 * Megabyte, 40 * 1024 * Megabyte),
            RecipientKind.SharedMailbox => (1 * Megabyte, 8 * 1024 * Megabyte),
            _ => (0.2 * Megabyte, 60 * Megabyte),
        };
        var bytes = (long)Math.Exp(Math.Log(smallest) + (mailbox.Chance(10) * (Math.Log(largest) - Math.Log(smallest))));
        var averageItemBytes = 40_000 + (long)(mailbox.Chance(11) * 60_000);
        var items = Math.Max(1, bytes / averageItemBytes);
        var deletedShare = mailbox.Chance(12) * 0.05;
        var deletedItems = (long)(items * deletedShare);
        var deletedBytes = (long)(bytes * deletedShare);

        DateTimeOffset? lastLogon = mailbox.GeneratedKind == RecipientKind.RoomMailbox
            ? null
            : SandboxCalendar.Reference.AddMinutes(-(int)(mailbox.Chance(13) * 60 * 24 * 90));
        var lastAction = lastLogon?.AddMinutes(-(int)(mailbox.Chance(14) * 600));

        return new MailboxStatistics(
            mailbox,
            items,
            new ByteQuantifiedSize(bytes),
            deletedItems,
            new ByteQuantifiedSize(deletedBytes),
            20 + (long)(mailbox.Chance(15) * 400),
            lastLogon,
            lastAction);
    }
}
