using System.Net.Http.Headers;
using System.Text.Json;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// Reads a failed InvokeCommand response, <c>{"error":{"code":…,"message":…,"details":[{"message":…}]}}</c>, into an
/// <see cref="ExchangeCommandException"/>. Bodies that are not Exchange's JSON (a proxy's HTML page) are summarised.
/// </summary>
internal static class ExchangeErrorReader
{
    private const int MaximumQuotedLength = 500;

    public static async Task<ExchangeCommandException> ReadAsync(
        HttpResponseMessage response, string cmdletName, string clientRequestId, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, message) = Parse(body);
        message ??= Summarise(body) ?? response.ReasonPhrase ?? "Exchange Online returned no error details.";

        return new ExchangeCommandException(cmdletName, response.StatusCode, code, message, Header(response.Headers, "request-id"))
        {
            ClientRequestId = clientRequestId,
            ExceptionType = Header(response.Headers, "x-ExceptionType"),
        };
    }

    private static (string? Code, string? Message) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = StringProperty(error, "code");
            var messages = new List<string>();
            if (StringProperty(error, "message") is { } message)
            {
                messages.Add(message);
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                messages.AddRange(details.EnumerateArray()
                    .Select(detail => detail.ValueKind == JsonValueKind.Object ? StringProperty(detail, "message") : null)
                    .OfType<string>()
                    .Where(detail => !messages.Contains(detail)));
            }

            return (code, messages.Count > 0 ? string.Join(" ", messages) : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Summarise(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return text.Length <= MaximumQuotedLength ? text : string.Concat(text.AsSpan(0, MaximumQuotedLength), "…");
    }

    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
