using System.Globalization;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Property groups every recipient output shares, with Exchange's names.</summary>
internal static class RecipientProperties
{
    public const string ExchangeVersion = "0.20 (15.0.0.0)";

    /// <summary>Who the object is: names, addresses, types and ids.</summary>
    public static IEnumerable<OutputProperty<Recipient>> Identity() =>
    [
        new("Name", r => r.Name),
        new("Alias", r => r.Alias),
        new("DisplayName", r => r.DisplayName),
        new("PrimarySmtpAddress", r => r.PrimarySmtpAddress),
        new("EmailAddresses", r => r.EmailAddresses),
        new("RecipientType", r => r.Kind.RecipientType()),
        new("RecipientTypeDetails", r => r.Kind.ToString()),
        new("ExternalDirectoryObjectId", r => r.ExternalDirectoryObjectId),
        new("Guid", r => r.Guid),
        new("Identity", r => r.Name),
        new("Id", r => r.Name),
        new("DistinguishedName", r => r.DistinguishedName),
    ];

    public static IEnumerable<OutputProperty<Recipient>> CustomAttributes() =>
        Enumerable.Range(1, 15).Select(number => new OutputProperty<Recipient>(
            string.Create(CultureInfo.InvariantCulture, $"CustomAttribute{number}"),
            r => r.GetCustomAttribute(number)));

    /// <summary>What every directory object carries: version, organization, timestamps, state.</summary>
    public static IEnumerable<OutputProperty<Recipient>> Housekeeping() =>
    [
        new("ExchangeVersion", _ => ExchangeVersion),
        new("OrganizationId", r => r.Domains.OrganizationId),
        new("WhenCreated", r => r.WhenCreated),
        new("WhenChanged", r => r.WhenChanged),
        new("WhenCreatedUTC", r => r.WhenCreated),
        new("WhenChangedUTC", r => r.WhenChanged),
        new("IsValid", _ => true),
        new("ObjectState", _ => "Unchanged"),
    ];

    /// <summary>
    /// The properties the Get-EXO* cmdlets return when neither <c>-Properties</c> nor <c>-PropertySets</c> asks for more
    /// (their "Minimum" set).
    /// </summary>
    public static readonly IReadOnlyList<string> ExoMinimum =
    [
        "ExternalDirectoryObjectId", "UserPrincipalName", "Alias", "DisplayName", "EmailAddresses", "PrimarySmtpAddress",
        "RecipientType", "RecipientTypeDetails", "Identity", "Id", "ExchangeVersion", "Name", "DistinguishedName",
        "OrganizationId", "Guid",
    ];
}
