using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExoJobRunner.Sandbox.Hosting;

/// <summary>
/// JSON output settings for every response. The default encoder escapes HTML-sensitive characters (<c>'</c> as
/// <c>\u0027</c>, <c>+</c> as <c>\u002B</c>), which is meant for JSON embedded in HTML; these responses are only ever
/// <c>application/json</c>, and Exchange's messages read "couldn't", so only what JSON itself requires is escaped.
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
