using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// The JSON shape of every <c>--json</c> output (and <c>doctor --format json</c>): camelCase, indented, enums as names,
/// and text as written. The default encoder escapes what could break out of HTML (<c>+</c> as <c>\u002B</c>, <c>'</c>
/// as <c>\u0027</c>); this output goes to a console, a file or a program reading JSON, never into a page.
/// </summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };
}
