using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-Recipient's output (also what group member listings return): the attributes all recipient kinds share.</summary>
internal static class RecipientShape
{
    public static readonly OutputShape<Recipient> Shape = new(
    [
        .. RecipientProperties.Identity(),
        new("UserPrincipalName", r => r.UserPrincipalName),
        new("ExternalEmailAddress", r => r.ExternalAddress is null ? null : "SMTP:" + r.ExternalAddress),
        new("HiddenFromAddressListsEnabled", r => r.HiddenFromAddressListsEnabled),
        new("FirstName", r => r.FirstName),
        new("LastName", r => r.LastName),
        new("Department", r => r.Department),
        new("Title", r => r.Title),
        new("City", r => r.City?.Name),
        new("Office", r => r.Office),
        new("ExchangeGuid", r => r.ExchangeGuid),
        .. RecipientProperties.CustomAttributes(),
        .. RecipientProperties.Housekeeping(),
    ]);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PropertySets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["Minimum"] = RecipientProperties.ExoMinimum,
        ["Custom"] = [.. Enumerable.Range(1, 15).Select(n => "CustomAttribute" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        ["MailboxMove"] = [],
        ["Policy"] = [],
    };
}
