namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// Where one Microsoft cloud keeps its identity platform and Exchange Online: the token authority host, the Exchange
/// host that serves the admin REST API, and the token scope (the Exchange host's <c>/.default</c>).
/// </summary>
public sealed record ExchangeCloud(ExchangeEnvironment Environment, string LoginHost, string ExchangeHost)
{
    private static readonly ExchangeCloud[] Clouds =
    [
        new(ExchangeEnvironment.O365Default, "login.microsoftonline.com", "outlook.office365.com"),
        new(ExchangeEnvironment.O365USGovGCCHigh, "login.microsoftonline.us", "outlook.office365.us"),
        new(ExchangeEnvironment.O365USGovDoD, "login.microsoftonline.us", "outlook-dod.office365.us"),
        new(ExchangeEnvironment.O365China, "login.chinacloudapi.cn", "partner.outlook.cn"),
    ];

    public string Scope => $"https://{ExchangeHost}/.default";

    public Uri ExchangeBaseUri => new($"https://{ExchangeHost}/");

    public Uri AuthorityFor(string organization) => new($"https://{LoginHost}/{organization}");

    /// <summary>The cloud of an online environment; the sandbox has no fixed hosts and is refused.</summary>
    public static ExchangeCloud For(ExchangeEnvironment environment) =>
        Array.Find(Clouds, cloud => cloud.Environment == environment)
        ?? throw new ArgumentOutOfRangeException(
            nameof(environment), environment, "The sandbox is not a Microsoft cloud: its hosts come from the running sandbox server.");
}
