using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-User's output: the directory user behind a mailbox or mail user, without mail attributes.</summary>
internal static class UserShape
{
    public static readonly OutputShape<Recipient> Shape = new(
    [
        new("Name", r => r.Name),
        new("DisplayName", r => r.DisplayName),
        new("FirstName", r => r.FirstName),
        new("LastName", r => r.LastName),
        new("UserPrincipalName", r => r.UserPrincipalName),
        new("WindowsEmailAddress", r => r.PrimarySmtpAddress),
        new("Department", r => r.Department),
        new("Title", r => r.Title),
        new("Office", r => r.Office),
        new("City", r => r.City?.Name),
        new("CountryOrRegion", r => r.City?.Country),
        new("Company", _ => null),
        new("Manager", _ => null),
        new("RecipientType", r => r.Kind.RecipientType()),
        new("RecipientTypeDetails", r => r.Kind.ToString()),
        new("AccountDisabled", r => r.AccountDisabled),
        new("IsDirSynced", _ => false),
        new("ExternalDirectoryObjectId", r => r.ExternalDirectoryObjectId),
        new("Guid", r => r.Guid),
        new("Identity", r => r.Name),
        new("Id", r => r.Name),
        new("DistinguishedName", r => r.DistinguishedName),
        .. RecipientProperties.Housekeeping(),
    ]);
}
