using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>The JSON shape of every <c>--json</c> output: camelCase, indented, enums as names.</summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
