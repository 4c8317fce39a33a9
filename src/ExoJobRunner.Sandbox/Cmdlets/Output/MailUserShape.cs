using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>Get-MailUser's output: contractors' mail users and B2B guests.</summary>
internal static class MailUserShape
{
    public static readonly OutputShape<Recipient> Shape = new(
    [
        .. RecipientProperties.Identity(),
        new("UserPrincipalName", r => r.UserPrincipalName),
        new("ExternalEmailAddress", r => "SMTP:" + r.ExternalAddress),
        new("HiddenFromAddressListsEnabled", r => r.HiddenFromAddressListsEnabled),
        .. RecipientProperties.CustomAttributes(),
        .. RecipientProperties.Housekeeping(),
    ]);
}
