namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>An office location: the city, its ISO 3166 country code (Exchange's <c>UsageLocation</c>) and country name.</summary>
internal sealed record City(string Name, string CountryCode, string Country)
{
    /// <summary>The city as it appears inside an alias: lower case, spaces as hyphens (<c>cape-town</c>).</summary>
    public string Slug { get; } = Name.Replace(' ', '-').ToLowerInvariant();
}
