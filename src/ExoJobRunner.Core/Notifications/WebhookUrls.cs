using System.Diagnostics.CodeAnalysis;

namespace ExoJobRunner.Core.Notifications;

/// <summary>What a webhook URL must be, and the only form of it that is ever logged.</summary>
public static class WebhookUrls
{
    /// <summary>An absolute http:// or https:// URL with a host; anything else cannot be POSTed to.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out Uri? url)
    {
        ArgumentNullException.ThrowIfNull(text);
        url = Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed)
            && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
            && parsed.Host.Length > 0
                ? parsed
                : null;
        return url is not null;
    }

    /// <summary>
    /// <c>scheme://host[:port]/…</c>: enough to tell targets apart in a log, nothing that authenticates. The path
    /// and query are dropped because that is where webhook services put the credential (a Slack URL's last segments,
    /// the <c>sig=</c> of a Teams Workflows URL), and user information because it is one.
    /// </summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var hasMore = url.PathAndQuery != "/" || url.Fragment.Length > 0;
        return $"{url.Scheme}://{url.Authority}/{(hasMore ? "…" : string.Empty)}";
    }
}
