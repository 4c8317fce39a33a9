using System.Net;
using System.Text.Json;

namespace ExoJobRunner.Sandbox.Tests.Support;

/// <summary>One InvokeCommand response, read: status, headers and the parsed JSON body.</summary>
public sealed class AdminApiResponse(HttpStatusCode status, HttpResponseMessage message, JsonElement body)
{
    public HttpStatusCode Status { get; } = status;

    public HttpResponseMessage Message { get; } = message;

    public JsonElement Body { get; } = body;

    public IReadOnlyList<JsonElement> Value =>
        Body.TryGetProperty("value", out var value) ? value.EnumerateArray().ToArray() : [];

    public string? NextLink => Body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;

    public IReadOnlyList<string> Warnings =>
        Body.TryGetProperty("@adminapi.warnings", out var warnings) ? warnings.EnumerateArray().Select(w => w.GetString()!).ToArray() : [];

    public string? ErrorCode => Body.TryGetProperty("error", out var error) ? error.GetProperty("code").GetString() : null;

    public string? ErrorMessage => Body.TryGetProperty("error", out var error) ? error.GetProperty("message").GetString() : null;

    /// <summary>Exchange's "id|exception type|message" line from <c>error.details[0].message</c>.</summary>
    public string? ErrorDetail =>
        Body.TryGetProperty("error", out var error) && error.TryGetProperty("details", out var details)
            ? details[0].GetProperty("message").GetString()
            : null;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : null;
}
