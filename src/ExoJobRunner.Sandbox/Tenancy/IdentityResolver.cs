namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// Resolves an <c>-Identity</c> value the ways Exchange does: name, alias, UPN, any SMTP address, distinguished name,
/// object GUID, ExternalDirectoryObjectId or ExchangeGuid. Only aliases and names are indexed (they are stored anyway);
/// every address is alias@domain, so an address resolves through its local part and is then checked against the object,
/// and GUIDs decode to the object's index directly.
/// </summary>
internal sealed class IdentityResolver
{
    private readonly IReadOnlyList<Recipient> recipients;
    private readonly TenantDomains domains;
    private readonly ObjectIdCodec ids;
    private readonly Dictionary<string, object> byAlias = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object> byExternalAddress = new(StringComparer.OrdinalIgnoreCase);

    public IdentityResolver(IReadOnlyList<Recipient> recipients, TenantDomains domains, ObjectIdCodec ids)
    {
        this.recipients = recipients;
        this.domains = domains;
        this.ids = ids;
        foreach (var recipient in recipients)
        {
            Add(byAlias, recipient.Alias, recipient);
            Add(byName, recipient.Name, recipient);
            if (recipient.Kind == RecipientKind.GuestMailUser)
            {
                Add(byExternalAddress, recipient.ExternalAddress!, recipient);
            }
        }
    }

    public IdentityMatch Resolve(string identity)
    {
        var value = identity.Trim();
        if (value.Length == 0)
        {
            return IdentityMatch.None;
        }

        if (Guid.TryParse(value, out var guid))
        {
            return ResolveGuid(guid);
        }

        if (value.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
        {
            var comma = value.IndexOf(',', StringComparison.Ordinal);
            var match = Lookup(byName, comma < 0 ? value[3..] : value[3..comma]);
            return match.Single is { } named && string.Equals(named.DistinguishedName, value, StringComparison.OrdinalIgnoreCase)
                ? match
                : IdentityMatch.None;
        }

        var at = value.LastIndexOf('@');
        if (at > 0)
        {
            return ResolveAddress(value, value[..at], value[(at + 1)..]);
        }

        var byNameMatch = Lookup(byName, value);
        var byAliasMatch = Lookup(byAlias, value);
        return (byNameMatch, byAliasMatch) switch
        {
            ({ IsAmbiguous: true }, _) or (_, { IsAmbiguous: true }) => IdentityMatch.Ambiguous,
            ({ Single: { } a }, { Single: { } b }) when !ReferenceEquals(a, b) => IdentityMatch.Ambiguous,
            ({ Single: not null }, _) => byNameMatch,
            _ => byAliasMatch,
        };
    }

    private IdentityMatch ResolveGuid(Guid guid)
    {
        if (!ids.TryDecode(guid, out var purpose, out var index) || index >= recipients.Count)
        {
            return IdentityMatch.None;
        }

        var recipient = recipients[index];
        var matches = purpose switch
        {
            ObjectIdPurpose.ObjectGuid => recipient.Guid == guid,
            ObjectIdPurpose.ExternalDirectoryObjectId => recipient.ExternalDirectoryObjectId == guid,
            ObjectIdPurpose.ExchangeGuid => recipient.ExchangeGuid == guid,
            _ => false,
        };
        return matches ? new IdentityMatch(recipient, false) : IdentityMatch.None;
    }

    private IdentityMatch ResolveAddress(string address, string localPart, string domain)
    {
        if (!string.Equals(domain, domains.Default, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(domain, domains.Initial, StringComparison.OrdinalIgnoreCase))
        {
            return Lookup(byExternalAddress, address);
        }

        var match = Lookup(byAlias, localPart);
        if (match.Single is not { } recipient)
        {
            return match;
        }

        var owned = string.Equals(recipient.UserPrincipalName, address, StringComparison.OrdinalIgnoreCase)
            || recipient.EmailAddresses.Any(proxy => string.Equals(proxy[5..], address, StringComparison.OrdinalIgnoreCase));
        return owned ? match : IdentityMatch.None;
    }

    private static IdentityMatch Lookup(Dictionary<string, object> index, string key) =>
        index.TryGetValue(key, out var found)
            ? found is Recipient recipient ? new IdentityMatch(recipient, false) : IdentityMatch.Ambiguous
            : IdentityMatch.None;

    private static void Add(Dictionary<string, object> index, string key, Recipient recipient)
    {
        if (!index.TryAdd(key, recipient))
        {
            index[key] = Ambiguity.Marker;
        }
    }

    /// <summary>Stands in the index for a key more than one object answers to.</summary>
    private sealed class Ambiguity
    {
        public static readonly Ambiguity Marker = new();
    }
}
