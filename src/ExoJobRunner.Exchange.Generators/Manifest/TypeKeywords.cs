using System.Collections.Generic;
using System.Linq;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>The type keywords a manifest may use, for parameters and for result properties.</summary>
internal static class TypeKeywords
{
    public static readonly IReadOnlyList<KeyValuePair<string, ParameterKind>> Parameters =
    [
        new("string", ParameterKind.String),
        new("string[]", ParameterKind.StringArray),
        new("int", ParameterKind.Int),
        new("bool", ParameterKind.Bool),
        new("switch", ParameterKind.Switch),
        new("datetime", ParameterKind.DateTime),
        new("guid", ParameterKind.Guid),
        new("ResultSize", ParameterKind.ResultSize),
        new("multivalued", ParameterKind.MultiValued),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, PropertyKind>> Properties =
    [
        new("string", PropertyKind.String),
        new("string[]", PropertyKind.StringArray),
        new("int", PropertyKind.Int),
        new("long", PropertyKind.Long),
        new("double", PropertyKind.Double),
        new("bool", PropertyKind.Bool),
        new("datetime", PropertyKind.DateTime),
        new("guid", PropertyKind.Guid),
        new("bytesize", PropertyKind.ByteSize),
        new("object", PropertyKind.Object),
    ];

    public static string ParameterKeywordList => string.Join(", ", Parameters.Select(pair => pair.Key));

    public static string PropertyKeywordList => string.Join(", ", Properties.Select(pair => pair.Key));

    public static bool TryGetParameterKind(string keyword, out ParameterKind kind) => TryGet(Parameters, keyword, out kind);

    public static bool TryGetPropertyKind(string keyword, out PropertyKind kind) => TryGet(Properties, keyword, out kind);

    public static string Keyword(ParameterKind kind) => Parameters.First(pair => pair.Value == kind).Key;

    private static bool TryGet<T>(IReadOnlyList<KeyValuePair<string, T>> table, string keyword, out T kind)
    {
        foreach (var pair in table)
        {
            if (pair.Key == keyword)
            {
                kind = pair.Value;
                return true;
            }
        }

        kind = default!;
        return false;
    }
}
