namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// The sandbox's Exchange organization: every recipient in one stable order (mailboxes, mail users and guests,
/// distribution groups, Microsoft 365 groups), its domains and settings. Cmdlets read and change it while holding
/// <see cref="SyncRoot"/>; group members and mailbox permissions are generated on first use, under the same lock.
/// </summary>
internal sealed class SandboxTenant
{
    private readonly Recipient[] recipients;
    private readonly Lazy<IdentityResolver> identities;
    private Recipient[]? people;

    public SandboxTenant(TenantDomains domains, ObjectIdCodec ids, Recipient[] recipients, TenantLayout layout)
    {
        Domains = domains;
        Ids = ids;
        this.recipients = recipients;
        Layout = layout;
        TenantId = ids.Encode(ObjectIdPurpose.Tenant, 0);
        identities = new Lazy<IdentityResolver>(() => new IdentityResolver(recipients, domains, ids));
        var label = domains.Initial[..domains.Initial.IndexOf('.', StringComparison.Ordinal)];
        Organization = new OrganizationProfile(
            domains.Initial,
            char.ToUpperInvariant(label[0]) + label[1..],
            ids.Encode(ObjectIdPurpose.Tenant, 1),
            SandboxCalendar.TenantCreated);
        AcceptedDomains =
        [
            new AcceptedDomain(domains.Default, IsDefault: true, IsInitial: false, ids.Encode(ObjectIdPurpose.Tenant, 2)),
            new AcceptedDomain(domains.Initial, IsDefault: false, IsInitial: true, ids.Encode(ObjectIdPurpose.Tenant, 3)),
        ];
    }

    public Guid TenantId { get; }

    public TenantDomains Domains { get; }

    public ObjectIdCodec Ids { get; }

    public TenantLayout Layout { get; }

    public Lock SyncRoot { get; } = new();

    public IReadOnlyList<Recipient> Recipients => recipients;

    public IReadOnlyList<Recipient> Mailboxes => Slice(0, Layout.Mailboxes);

    /// <summary>Mail users and guests.</summary>
    public IReadOnlyList<Recipient> MailUsers => Slice(Layout.Mailboxes, Layout.MailUsers + Layout.Guests);

    /// <summary>Everything that is a user in the directory: mailboxes, mail users and guests.</summary>
    public IReadOnlyList<Recipient> Users => Slice(0, Layout.Mailboxes + Layout.MailUsers + Layout.Guests);

    public IReadOnlyList<Recipient> DistributionGroups =>
        Slice(Layout.Mailboxes + Layout.MailUsers + Layout.Guests, Layout.DistributionGroups);

    public IReadOnlyList<Recipient> UnifiedGroups =>
        Slice(recipients.Length - Layout.UnifiedGroups, Layout.UnifiedGroups);

    public OrganizationProfile Organization { get; }

    public IReadOnlyList<AcceptedDomain> AcceptedDomains { get; }

    /// <summary>Built on the first identity lookup rather than at start, which keeps starting a large tenant quick.</summary>
    public IdentityResolver Identities => identities.Value;

    /// <summary>People (user mailboxes, mail users, guests): who groups and delegations are drawn from.</summary>
    private Recipient[] People => people ??= recipients.Where(r => r.IsPerson).ToArray();

    public GroupMembership MembershipOf(Recipient group)
    {
        if (group.Membership is { } existing)
        {
            return existing;
        }

        var isDistributionGroup = group.GeneratedKind == RecipientKind.MailUniversalDistributionGroup;
        var wanted = Math.Min(
            People.Length,
            isDistributionGroup ? 3 + (int)(group.Chance(20) * 38) : 2 + (int)(group.Chance(20) * 30));
        var members = Pick(group, wanted, candidate => isDistributionGroup || candidate.GeneratedKind != RecipientKind.MailUser);
        var owners = members.Take(isDistributionGroup || members.Count < 4 ? 1 : 2).ToList();
        return group.Membership = new GroupMembership(members, owners);
    }

    public List<MailboxPermissionEntry> PermissionsOf(Recipient mailbox)
    {
        if (mailbox.Permissions is { } existing)
        {
            return existing;
        }

        List<MailboxPermissionEntry> entries =
        [
            new(MailboxPermissionEntry.SelfUser, null, MailboxAccessRights.FullAccess | MailboxAccessRights.ReadPermission),
        ];
        if (mailbox.GeneratedKind == RecipientKind.SharedMailbox)
        {
            var delegates = Pick(mailbox, 1 + (int)(mailbox.Chance(21) * 4), c => c.GeneratedKind == RecipientKind.UserMailbox);
            entries.AddRange(delegates.Select(d => new MailboxPermissionEntry(d.UserPrincipalName!, d, MailboxAccessRights.FullAccess)));
        }

        return mailbox.Permissions = entries;
    }

    private List<Recipient> Pick(Recipient owner, int wanted, Func<Recipient, bool> eligible)
    {
        var picked = new List<Recipient>(wanted);
        var candidates = People;
        for (var attempt = 0UL; picked.Count < wanted && candidates.Length > 0 && attempt < (ulong)wanted * 8; attempt++)
        {
            var candidate = candidates[(int)(DeterministicHash.Mix(owner.Traits ^ (attempt * 0x9E3779B97F4A7C15UL)) % (ulong)candidates.Length)];
            if (!ReferenceEquals(candidate, owner) && eligible(candidate) && !picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return picked;
    }

    private ArraySegment<Recipient> Slice(int offset, int count) => new(recipients, offset, count);
}
