namespace ExoJobRunner.Sandbox.Entra;

/// <summary>
/// The resource a token is requested for. The sandbox answers for Exchange Online under its real names in its cloud
/// (<c>https://outlook.office365.com</c> worldwide, and the Office 365 Exchange Online app id) and under its own base URI,
/// so both <c>https://outlook.office365.com/.default</c> and <c>https://127.0.0.1:PORT/.default</c> work as scopes.
/// </summary>
internal static class ExchangeResource
{
    /// <summary>The application id of Office 365 Exchange Online, usable as a resource identifier.</summary>
    public const string ExchangeOnlineAppId = "00000002-0000-0ff1-ce00-000000000000";

    private const string DefaultSuffix = "/.default";

    /// <summary>Resolves a client-credentials scope to the audience of the token to issue.</summary>
    /// <param name="sandboxOrigins">The sandbox's own origins (<c>https://127.0.0.1:PORT</c>, and the request's host).</param>
    /// <param name="exchangeOnlineUri">Exchange Online's resource URI in the sandbox's cloud.</param>
    public static bool TryResolve(
        string scope, IReadOnlyCollection<string> sandboxOrigins, string exchangeOnlineUri, string tenantName, out string audience, out EntraError? error)
    {
        audience = string.Empty;
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length != 1)
        {
            error = EntraErrors.MultipleScopes();
            return false;
        }

        if (!scopes[0].EndsWith(DefaultSuffix, StringComparison.OrdinalIgnoreCase))
        {
            error = EntraErrors.ScopeWithoutDefault(scopes[0]);
            return false;
        }

        var resource = scopes[0][..^DefaultSuffix.Length].TrimEnd('/');
        if (string.Equals(resource, exchangeOnlineUri, StringComparison.OrdinalIgnoreCase)
            || string.Equals(resource, ExchangeOnlineAppId, StringComparison.OrdinalIgnoreCase))
        {
            audience = exchangeOnlineUri;
        }
        else if (sandboxOrigins.FirstOrDefault(origin => string.Equals(origin, resource, StringComparison.OrdinalIgnoreCase)) is { } origin)
        {
            audience = origin;
        }
        else
        {
            error = EntraErrors.ResourceNotFound(resource, tenantName);
            return false;
        }

        error = null;
        return true;
    }
}
