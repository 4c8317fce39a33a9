using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.Hosting;

/// <summary>
/// The origin (<c>https://host:port</c>) a request was addressed to. Links and audiences are built from it, so a client
/// that says <c>localhost</c> gets <c>localhost</c> links back and one that says <c>127.0.0.1</c> gets those.
/// </summary>
internal static class RequestOrigin
{
    public static string Of(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>This request's origin and the server's canonical one, without duplicates.</summary>
    public static IReadOnlyCollection<string> Both(HttpRequest request, Uri baseUri)
    {
        var canonical = baseUri.GetLeftPart(UriPartial.Authority);
        var own = Of(request);
        return string.Equals(own, canonical, StringComparison.OrdinalIgnoreCase) ? [canonical] : [canonical, own];
    }
}
