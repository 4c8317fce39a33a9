using System.Globalization;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Builds a tenant from (mailboxes, seed, organization). One pass, no per-object heavy work: every value is a hash of the
/// seed and the object's position, so 100,000 mailboxes take a fraction of a second and the same inputs always give the
/// same tenant, ids included.
/// </summary>
internal sealed class TenantGenerator
{
    public const int MaxMailboxes = 1_000_000;

    private readonly int seed;
    private readonly TenantDomains domains;
    private readonly ObjectIdCodec ids;
    private readonly PersonNamer namer;
    private readonly TenantLayout layout;
    private readonly Recipient[] recipients;
    private int next;
    private int nextPerson;

    private TenantGenerator(int mailboxes, int seed, string organization)
    {
        this.seed = seed;
        domains = TenantDomains.For(organization);
        ids = new ObjectIdCodec(seed);
        namer = new PersonNamer(seed);
        layout = TenantLayout.For(mailboxes);
        recipients = new Recipient[layout.Total];
    }

    public static SandboxTenant Generate(int mailboxes, int seed, string organization)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mailboxes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mailboxes, MaxMailboxes);
        var generator = new TenantGenerator(mailboxes, seed, organization);
        generator.AddMailboxes();
        generator.AddMailUsers();
        generator.AddDistributionGroups();
        generator.AddUnifiedGroups();
        return new SandboxTenant(generator.domains, generator.ids, generator.recipients, generator.layout);
    }

    private void AddMailboxes()
    {
        int shared = 0, rooms = 0;
        for (var i = 0; i < layout.Mailboxes; i++)
        {
            var roll = DeterministicHash.Of(seed, HashStream.MailboxKind, i) % 100;
            var progress = Progress(i, layout.Mailboxes);
            if (i == 0 || roll < 85)
            {
                AddPerson(RecipientKind.UserMailbox, progress, partnerDomain: null);
            }
            else if (roll < 95)
            {
                var word = NameCatalog.SharedMailboxWords[shared % NameCatalog.SharedMailboxWords.Count];
                var cycle = shared++ / NameCatalog.SharedMailboxWords.Count;
                var name = char.ToUpperInvariant(word[0]) + word[1..] + Numbered(" ", cycle);
                Add(RecipientKind.SharedMailbox, word + Numbered(string.Empty, cycle), name, progress);
            }
            else
            {
                var city = NameCatalog.Cities[rooms % NameCatalog.Cities.Count];
                var number = (rooms++ / NameCatalog.Cities.Count) + 1;
                Add(
                    RecipientKind.RoomMailbox,
                    string.Create(CultureInfo.InvariantCulture, $"room-{city.Slug}-{number}"),
                    string.Create(CultureInfo.InvariantCulture, $"Room {city.Name} {number}"),
                    progress);
            }
        }
    }

    private void AddMailUsers()
    {
        for (var i = 0; i < layout.MailUsers; i++)
        {
            AddPerson(RecipientKind.MailUser, Progress(i, layout.MailUsers), PartnerDomain(i));
        }

        for (var i = 0; i < layout.Guests; i++)
        {
            AddPerson(RecipientKind.GuestMailUser, Progress(i, layout.Guests), PartnerDomain(layout.MailUsers + i));
        }
    }

    private void AddDistributionGroups()
    {
        var prefixes = NameCatalog.DistributionGroupPrefixes;
        var departments = NameCatalog.Departments;
        for (var i = 0; i < layout.DistributionGroups; i++)
        {
            var cycle = i / (prefixes.Count * departments.Count);
            var name = $"{prefixes[i % prefixes.Count]} {departments[i / prefixes.Count % departments.Count]}" + Numbered(" ", cycle);
            Add(RecipientKind.MailUniversalDistributionGroup, name.Replace(' ', '-').ToLowerInvariant(), name, Progress(i, layout.DistributionGroups));
        }
    }

    private void AddUnifiedGroups()
    {
        var codeNames = NameCatalog.ProjectCodeNames;
        for (var i = 0; i < layout.UnifiedGroups; i++)
        {
            var cycle = i / codeNames.Count;
            var codeName = codeNames[i % codeNames.Count];
            var alias = "project" + codeName.ToLowerInvariant() + Numbered(string.Empty, cycle);
            var externalId = ids.Encode(ObjectIdPurpose.ExternalDirectoryObjectId, next);
            var group = Add(
                RecipientKind.GroupMailbox,
                alias,
                alias + "_" + externalId.ToString("N")[..10],
                Progress(i, layout.UnifiedGroups));
            group.DisplayName = $"Project {codeName}" + Numbered(" ", cycle);
        }
    }

    private void AddPerson(RecipientKind kind, double progress, string? partnerDomain)
    {
        var person = namer.Name(nextPerson++);
        var externalAddress = partnerDomain is null ? null : $"{person.Alias}@{partnerDomain}";
        var alias = kind == RecipientKind.GuestMailUser ? $"{person.Alias}_{partnerDomain}#EXT#" : person.Alias;
        var name = kind == RecipientKind.GuestMailUser ? alias : person.DisplayName;
        var recipient = Add(kind, alias, name, progress, person, externalAddress);
        recipient.DisplayName = person.DisplayName;
        recipient.Office = recipient.City?.Name;
        recipient.LitigationHoldEnabled = kind == RecipientKind.UserMailbox && recipient.Chance(6) < 0.05;
    }

    private Recipient Add(RecipientKind kind, string alias, string name, double progress, PersonName? person = null, string? externalAddress = null)
    {
        var index = next++;
        var traits = DeterministicHash.Of(seed, HashStream.Traits, index);
        var lifetime = SandboxCalendar.Reference - SandboxCalendar.TenantCreated;
        var created = SandboxCalendar.TenantCreated
            .AddTicks((long)(lifetime.Ticks * progress * 0.97))
            .AddMinutes((int)(DeterministicHash.Unit(traits) * 600));
        var recipient = new Recipient(domains, ids, index, kind, alias, name, traits)
        {
            FirstName = person?.First,
            LastName = person?.Last,
            ExternalAddress = externalAddress,
            WhenCreated = created,
            WhenChanged = created.AddDays((int)(DeterministicHash.Unit(DeterministicHash.Mix(traits)) * 30)),
            HiddenFromAddressListsEnabled = kind is RecipientKind.GuestMailUser or RecipientKind.GroupMailbox,
        };
        recipients[index] = recipient;
        return recipient;
    }

    private string PartnerDomain(int ordinal) =>
        NameCatalog.PartnerDomains[(int)(DeterministicHash.Of(seed, HashStream.Traits, -1 - ordinal) % (ulong)NameCatalog.PartnerDomains.Count)];

    private static double Progress(int ordinal, int count) => (ordinal + 0.5) / count;

    private static string Numbered(string separator, int cycle) =>
        cycle == 0 ? string.Empty : separator + (cycle + 1).ToString(CultureInfo.InvariantCulture);
}
