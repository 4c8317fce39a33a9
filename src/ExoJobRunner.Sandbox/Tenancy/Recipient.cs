namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// One mail-enabled object of the tenant. Only what identifies it is stored (alias, name, ids, a 64-bit trait hash);
/// addresses and descriptive attributes are derived on read, and settings start at their defaults until a write changes
/// them. That keeps a 100,000-mailbox tenant a few megabytes and quick to generate.
/// </summary>
internal sealed class Recipient
{
    private string?[]? customAttributes;

    private readonly ObjectIdCodec ids;

    public Recipient(TenantDomains domains, ObjectIdCodec ids, int index, RecipientKind kind, string alias, string name, ulong traits)
    {
        Domains = domains;
        this.ids = ids;
        Index = index;
        Kind = kind;
        GeneratedKind = kind;
        Alias = alias;
        Name = name;
        DisplayName = name;
        Traits = traits;
    }

    public TenantDomains Domains { get; }

    /// <summary>Position in the tenant's recipient list; what the object ids encode.</summary>
    public int Index { get; }

    /// <summary>The current RecipientTypeDetails; Set-Mailbox -Type changes it.</summary>
    public RecipientKind Kind { get; set; }

    /// <summary>The kind it was generated as; lazily generated data keys off this so it stays deterministic.</summary>
    public RecipientKind GeneratedKind { get; }

    public string Alias { get; }

    /// <summary>Unique within the tenant; also the <c>Identity</c> Exchange prints.</summary>
    public string Name { get; }

    public string DisplayName { get; set; }

    public ulong Traits { get; }

    /// <summary>The object's GUID. Ids are computed from the index when read rather than stored: see <see cref="ObjectIdCodec"/>.</summary>
    public Guid Guid => ids.Encode(ObjectIdPurpose.ObjectGuid, Index);

    public Guid ExternalDirectoryObjectId => ids.Encode(ObjectIdPurpose.ExternalDirectoryObjectId, Index);

    /// <summary>The mailbox's ExchangeGuid; <see cref="Guid.Empty"/> for objects without a mailbox.</summary>
    public Guid ExchangeGuid =>
        GeneratedKind.IsMailbox() || GeneratedKind == RecipientKind.GroupMailbox ? ids.Encode(ObjectIdPurpose.ExchangeGuid, Index) : Guid.Empty;

    /// <summary>The archive mailbox's GUID, or <see cref="Guid.Empty"/> when the mailbox has no archive.</summary>
    public Guid ArchiveGuid => HasArchive ? ids.Encode(ObjectIdPurpose.ArchiveGuid, Index) : Guid.Empty;

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Where mail for a mail user or guest really goes (without the <c>SMTP:</c> prefix).</summary>
    public string? ExternalAddress { get; init; }

    public required DateTimeOffset WhenCreated { get; init; }

    public DateTimeOffset WhenChanged { get; set; }

    public bool HiddenFromAddressListsEnabled { get; set; }

    public string? ForwardingSmtpAddress { get; set; }

    public bool DeliverToMailboxAndForward { get; set; }

    public bool LitigationHoldEnabled { get; set; }

    public string? Office { get; set; }

    public AutoReplyConfiguration? AutoReply { get; set; }

    public GroupMembership? Membership { get; set; }

    public List<MailboxPermissionEntry>? Permissions { get; set; }

    public bool IsPerson => FirstName is not null;

    public string? UserPrincipalName => Kind switch
    {
        RecipientKind.MailUniversalDistributionGroup or RecipientKind.GroupMailbox => null,
        RecipientKind.GuestMailUser => $"{Alias}@{Domains.Initial}",
        _ => $"{Alias}@{Domains.Default}",
    };

    public string PrimarySmtpAddress =>
        Kind == RecipientKind.GuestMailUser ? ExternalAddress! : $"{Alias}@{Domains.Default}";

    public IReadOnlyList<string> EmailAddresses =>
        Kind == RecipientKind.GuestMailUser
            ? ["SMTP:" + ExternalAddress]
            : ["SMTP:" + PrimarySmtpAddress, $"smtp:{Alias}@{Domains.Initial}"];

    public string DistinguishedName => $"CN={Name},{Domains.OrganizationalUnit}";

    public City? City => IsPerson ? Pick(NameCatalog.Cities, 1) : null;

    public string? Department => IsPerson ? Pick(NameCatalog.Departments, 2) : null;

    public string? Title => IsPerson ? Pick(NameCatalog.Titles, 3) : null;

    /// <summary>Resource and shared mailboxes have disabled accounts: nobody signs in to them.</summary>
    public bool AccountDisabled => Kind is RecipientKind.SharedMailbox or RecipientKind.RoomMailbox or RecipientKind.EquipmentMailbox;

    public bool HasArchive => GeneratedKind == RecipientKind.UserMailbox && Chance(4) < 0.3;

    /// <summary>Microsoft 365 groups: public or private.</summary>
    public bool IsPublicGroup => Chance(5) < 0.4;

    public string? GetCustomAttribute(int number) => customAttributes?[number - 1];

    public void SetCustomAttribute(int number, string? value)
    {
        customAttributes ??= new string?[15];
        customAttributes[number - 1] = string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>A value in [0, 1) for attribute <paramref name="salt"/>, independent of every other salt.</summary>
    public double Chance(int salt) => DeterministicHash.Unit(DeterministicHash.Mix(Traits + (ulong)salt));

    private T Pick<T>(IReadOnlyList<T> values, int salt) =>
        values[(int)(DeterministicHash.Mix(Traits ^ ((ulong)salt << 56)) % (ulong)values.Count)];
}
