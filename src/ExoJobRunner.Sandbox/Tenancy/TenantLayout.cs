namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// How many objects of each kind a tenant of <see cref="Mailboxes"/> mailboxes has. The other populations scale with it,
/// in proportions typical of a mid-sized organization: a guest per 20 mailboxes, a contractor mail user per 25,
/// a distribution group per 50 and a Microsoft 365 group per 40.
/// </summary>
internal sealed record TenantLayout(int Mailboxes, int MailUsers, int Guests, int DistributionGroups, int UnifiedGroups)
{
    public int Total => Mailboxes + MailUsers + Guests + DistributionGroups + UnifiedGroups;

    public static TenantLayout For(int mailboxes) => new(
        mailboxes,
        mailboxes / 25,
        mailboxes / 20,
        mailboxes == 0 ? 0 : Math.Max(1, mailboxes / 50),
        mailboxes == 0 ? 0 : Math.Max(1, mailboxes / 40));
}
