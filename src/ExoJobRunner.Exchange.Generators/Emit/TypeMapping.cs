using System;
using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>What each manifest type becomes in C# and in PowerShell.</summary>
internal static class TypeMapping
{
    public const string CmdletsNamespace = "global::ExoJobRunner.Exchange.Cmdlets";
    public const string ExchangeObjectType = "global::ExoJobRunner.Exchange.Results.ExchangeObject";

    /// <summary>The C# parameter type; an optional parameter's is nullable so "not passed" is distinguishable.</summary>
    public static string CSharpParameterType(ParameterKind kind, bool required)
    {
        var type = kind switch
        {
            ParameterKind.String => "string",
            ParameterKind.StringArray => "global::System.Collections.Generic.IEnumerable<string>",
            ParameterKind.Int => "int",
            ParameterKind.Bool or ParameterKind.Switch => "bool",
            ParameterKind.DateTime => "global::System.DateTime",
            ParameterKind.Guid => "global::System.Guid",
            ParameterKind.ResultSize => CmdletsNamespace + ".ResultSize",
            ParameterKind.MultiValued => CmdletsNamespace + ".MultiValuedUpdate",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no C# type for this parameter kind"),
        };

        // An optional switch is a plain bool defaulting to false: "not passed" and "false" mean the same to Exchange.
        return required || kind == ParameterKind.Switch ? type : type + "?";
    }

    public static bool IsReferenceType(ParameterKind kind) => kind is ParameterKind.String or ParameterKind.StringArray or ParameterKind.MultiValued;

    /// <summary>The PowerShell type constraint of the proxy function's parameter.</summary>
    public static string PowerShellParameterType(ParameterKind kind) => kind switch
    {
        ParameterKind.String => "[string]",
        ParameterKind.StringArray => "[string[]]",
        ParameterKind.Int => "[int]",
        ParameterKind.Bool => "[bool]",
        ParameterKind.Switch => "[switch]",
        ParameterKind.DateTime => "[datetime]",
        ParameterKind.Guid => "[guid]",
        ParameterKind.ResultSize => "[ExoJobRunner.Exchange.Cmdlets.ResultSize]",

        // An array replaces the values, @{ Add = …; Remove = … } changes them: both are passed on as given.
        ParameterKind.MultiValued => "[object]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no PowerShell type for this parameter kind"),
    };

    /// <summary>The C# type of a result property; always nullable, since a result may lack any property.</summary>
    public static string CSharpPropertyType(PropertyKind kind) => kind switch
    {
        PropertyKind.String => "string?",
        PropertyKind.StringArray => "global::System.Collections.Generic.IReadOnlyList<string>?",
        PropertyKind.Int => "int?",
        PropertyKind.Long => "long?",
        PropertyKind.Double => "double?",
        PropertyKind.Bool => "bool?",
        PropertyKind.DateTime => "global::System.DateTime?",
        PropertyKind.Guid => "global::System.Guid?",
        PropertyKind.ByteSize => CmdletsNamespace + ".ByteQuantifiedSize?",
        PropertyKind.Object => ExchangeObjectType + "?",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no C# type for this property kind"),
    };

    /// <summary>The expression that reads a property from the result's source object.</summary>
    public static string CSharpPropertyReader(PropertyKind kind, string nameLiteral) => kind switch
    {
        PropertyKind.ByteSize => $"ReadByteQuantifiedSize({nameLiteral})",
        PropertyKind.String => $"Read<string>({nameLiteral})",
        PropertyKind.StringArray => $"Read<string[]>({nameLiteral})",
        PropertyKind.Object => $"Read<{ExchangeObjectType}>({nameLiteral})",
        _ => $"Read<{CSharpPropertyType(kind)}>({nameLiteral})",
    };
}
