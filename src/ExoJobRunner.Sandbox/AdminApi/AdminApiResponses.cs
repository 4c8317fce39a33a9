using System.Text.Json;
using ExoJobRunner.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>Writes admin API errors, with the <c>x-ExceptionType</c> header carrying the exception's short name.</summary>
internal static class AdminApiResponses
{
    public const string JsonContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static async Task WriteErrorAsync(HttpResponse response, AdminApiError error)
    {
        response.StatusCode = error.Status;
        response.ContentType = JsonContentType;
        if (error.ExceptionType is { } exceptionType)
        {
            response.Headers["x-ExceptionType"] = exceptionType[(exceptionType.LastIndexOf('.') + 1)..];
        }

        await using var writer = new Utf8JsonWriter(response.Body, SandboxJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", error.Code);
        writer.WriteString("message", error.Message);
        if (error.Detail is { } detail)
        {
            writer.WriteStartArray("details");
            writer.WriteStartObject();
            writer.WriteString("code", "Context");
            writer.WriteString("target", string.Empty);
            writer.WriteString("message", detail);
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteStartObject("innererror");
        writer.WriteString("message", error.InnerMessage ?? error.Message);
        writer.WriteString("type", error.InnerType ?? AdminApiError.ServiceExceptionType);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
