namespace ExoJobRunner.Sandbox;

/// <summary>
/// The Microsoft cloud a sandbox stands for, named as <c>Connect-ExchangeOnline -ExchangeEnvironmentName</c> names it. It
/// decides the real hosts the sandbox answers to besides its own: the login host a client assertion's <c>aud</c> may name
/// and the Exchange resource a token may be asked for. Each cloud's Entra accepts only its own hosts, and so does the sandbox.
/// </summary>
public enum SandboxCloud
{
    /// <summary>The worldwide cloud: login.microsoftonline.com, outlook.office365.com.</summary>
    O365Default,

    /// <summary>US Government GCC High: login.microsoftonline.us, outlook.office365.us.</summary>
    O365USGovGCCHigh,

    /// <summary>US Government DoD: login.microsoftonline.us, outlook-dod.office365.us.</summary>
    O365USGovDoD,

    /// <summary>Microsoft 365 operated by 21Vianet: login.chinacloudapi.cn, partner.outlook.cn.</summary>
    O365China,
}
