using System.Net.Http.Headers;

namespace ExoJobRunner.Core.Notifications;

/// <summary>A <see cref="WebhookTarget"/> ready to POST to: URL and headers read, body built.</summary>
internal sealed class WebhookDelivery : INotificationDelivery
{
    private const string Redacted = "***";

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly byte[] _body;
    private readonly IReadOnlyList<(string Name, string Value)> _headers;
    private readonly IReadOnlyList<string> _secrets;

    private WebhookDelivery(HttpClient http, Uri url, byte[] body, IReadOnlyList<(string Name, string Value)> headers, IReadOnlyList<string> secrets)
    {
        _http = http;
        _url = url;
        _body = body;
        _headers = headers;
        _secrets = secrets;
        Description = "webhook " + WebhookUrls.Redact(url);
    }

    public string Description { get; }

    /// <summary>
    /// Reads the URL and headers. A value that cannot be read (an unset variable, a missing file) is a problem no
    /// retry would solve, so it is returned instead of a delivery.
    /// </summary>
    public static (INotificationDelivery? Delivery, string Description, string? Problem) Prepare(
        WebhookTarget target,
        NotificationPayload payload,
        HttpClient http)
    {
        var unreadDescription = $"webhook (URL {target.Url})";
        if (!target.Url.TryResolve(out var urlText, out var urlProblem))
        {
            return (null, unreadDescription, urlProblem);
        }

        if (!WebhookUrls.TryParse(urlText, out var url))
        {
            return (null, unreadDescription, $"the URL {target.Url} is not an absolute http:// or https:// URL");
        }

        // A literal URL is scrubbed too: Slack and Teams put the credential in the URL itself.
        var secrets = new List<string> { urlText.Trim(), url.AbsoluteUri, url.PathAndQuery };

        var headers = new List<(string Name, string Value)>();
        foreach (var header in target.Headers)
        {
            if (!header.Value.TryResolve(out var value, out var headerProblem))
            {
                return (null, "webhook " + WebhookUrls.Redact(url), $"header '{header.Name}': {headerProblem}");
            }

            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                return (null, "webhook " + WebhookUrls.Redact(url), $"header '{header.Name}' ({header.Value}) holds a line break");
            }

            headers.Add((header.Name, value));
            if (header.Value.Secret is not null)
            {
                secrets.Add(value);
            }
        }

        var delivery = new WebhookDelivery(http, url, WebhookBody.Create(target.Format, payload), headers, [.. secrets.Where(secret => secret.Length > 1)]);
        return (delivery, delivery.Description, null);
    }

    public async Task<DeliveryAttempt> AttemptAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in _headers)
        {
            // Content-Type and the like belong to the content, not the request; a header given for them replaces ours.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryAttempt.Success($"HTTP {status}");
            }

            // Following a redirect would turn the POST into a GET without the body, or carry a credential elsewhere.
            var advice = status is >= 300 and < 400 ? "; redirects are not followed: use the URL it redirects to" : string.Empty;
            return DeliveryAttempt.Failure(Scrub($"HTTP {status} {response.ReasonPhrase}{advice}".TrimEnd()));
        }
#pragma warning disable CA1031 // Whatever failed the request is reported as this attempt's failure, scrubbed of the URL.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var cause = exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{exception.Message} ({inner.Message})"
                : exception.Message;
            return DeliveryAttempt.Failure(Scrub(cause));
        }
    }

    /// <summary>An exception or a server's reason phrase may quote the URL or a header back; the secret parts never reach the log.</summary>
    private string Scrub(string message) =>
        _secrets.OrderByDescending(secret => secret.Length)
            .Aggregate(message, (scrubbed, secret) => scrubbed.Replace(secret, Redacted, StringComparison.Ordinal));
}
