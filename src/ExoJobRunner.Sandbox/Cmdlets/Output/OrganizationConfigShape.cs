using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-OrganizationConfig's output: the organization-wide settings scripts most often read.</summary>
internal static class OrganizationConfigShape
{
    public static readonly OutputShape<OrganizationProfile> Shape = new(
    [
        new("Name", o => o.Name),
        new("DisplayName", o => o.DisplayName),
        new("Identity", o => o.Name),
        new("Id", o => o.Name),
        new("Guid", o => o.Guid),
        new("IsDehydrated", _ => false),
        new("OAuth2ClientProfileEnabled", _ => true),
        new("AuditDisabled", _ => false),
        new("MailTipsAllTipsEnabled", _ => true),
        new("MailTipsExternalRecipientsTipsEnabled", _ => false),
        new("MailTipsGroupMetricsEnabled", _ => true),
        new("MailTipsLargeAudienceThreshold", _ => 25),
        new("SendFromAliasEnabled", _ => false),
        new("FocusedInboxOn", _ => true),
        new("DefaultPublicFolderAgeLimit", _ => null),
        new("ExchangeVersion", _ => RecipientProperties.ExchangeVersion),
        new("WhenCreated", o => o.WhenCreated),
        new("WhenCreatedUTC", o => o.WhenCreated),
        new("IsValid", _ => true),
    ]);
}
