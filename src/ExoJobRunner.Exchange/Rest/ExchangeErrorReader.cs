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

    /// <param name="response">The failed response; its body is read here.</param>
    /// <param name="cmdletName">The cmdlet, for the message.</param>
    /// <param name="clientRequestId">The <c>client-request-id</c> the request carried.</param>
    /// <param name="now">The time a <c>Retry-After</c> date is measured from.</param>
    /// <param name="cancellationToken">Stops reading the body.</param>
    public static async Task<ExchangeCommandException> ReadAsync(
        HttpResponseMessage response, string cmdletName, string clientRequestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var error = Parse(body);
        var message = error.Message ?? Summarise(body) ?? response.ReasonPhrase ?? "Exchange Online returned no error details.";

        return new ExchangeCommandException(cmdletName, response.StatusCode, error.Code, message, Header(response.Headers, "request-id"))
        {
            ClientRequestId = clientRequestId,
            ExceptionType = Header(response.Headers, "x-ExceptionType") ?? error.ExceptionType,
            RetryAfter = RetryAfter(response.Headers.RetryAfter, now),
        };
    }

    private static ParsedError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            string? exceptionType = null;
            var details = new List<string>();
            if (error.TryGetProperty("details", out var detailArray) && detailArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in detailArray.EnumerateArray())
                {
                    if (detail.ValueKind != JsonValueKind.Object || StringProperty(detail, "message") is not { } text)
                    {
                        continue;
                    }

                    // Cmdlet failures arrive as "{errorId}|{exception type}|{message}", e.g.
                    // "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The operation couldn't …".
                    var parts = text.Split('|', 3);
                    if (parts.Length == 3)
                    {
                        exceptionType ??= parts[1];
                        text = parts[2];
                    }

                    details.Add(text);
                }
            }

            return new ParsedError(StringProperty(error, "code"), Combine(StringProperty(error, "message"), details), exceptionType);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>"Error executing cmdlet" + its detail reads as "Error executing cmdlet: The operation couldn't be performed …".</summary>
    private static string? Combine(string? message, List<string> details)
    {
        var distinct = details.Where(detail => detail != message).Distinct().ToList();
        if (distinct.Count == 0)
        {
            return message;
        }

        var joined = string.Join(" ", distinct);
        if (message is null)
        {
            return joined;
        }

        return message.EndsWith('.') ? $"{message} {joined}" : $"{message}: {joined}";
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

    /// <summary>The wait a <c>Retry-After</c> header asks for, in either of its forms (seconds or a date); never negative.</summary>
    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        var wait = header?.Delta ?? (header?.Date - now);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private readonly record struct ParsedError(string? Code, string? Message, string? ExceptionType);
}
