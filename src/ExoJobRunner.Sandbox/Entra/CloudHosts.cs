namespace ExoJobRunner.Sandbox.Entra;

/// <summary>The real login host and Exchange Online resource of each <see cref="SandboxCloud"/>.</summary>
internal static class CloudHosts
{
    /// <summary>The Entra host whose token endpoint a client assertion's <c>aud</c> names, as <c>https://host</c>.</summary>
    public static string LoginOrigin(SandboxCloud cloud) => cloud switch
    {
        SandboxCloud.O365USGovGCCHigh or SandboxCloud.O365USGovDoD => "https://login.microsoftonline.us",
        SandboxCloud.O365China => "https://login.chinacloudapi.cn",
        _ => "https://login.microsoftonline.com",
    };

    /// <summary>Exchange Online's resource URI in the cloud: the audience of its tokens, and the scope without <c>/.default</c>.</summary>
    public static string ExchangeResourceUri(SandboxCloud cloud) => cloud switch
    {
        SandboxCloud.O365USGovGCCHigh => "https://outlook.office365.us",
        SandboxCloud.O365USGovDoD => "https://outlook-dod.office365.us",
        SandboxCloud.O365China => "https://partner.outlook.cn",
        _ => "https://outlook.office365.com",
    };
}
