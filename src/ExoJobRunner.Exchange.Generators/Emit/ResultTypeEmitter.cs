using System.Linq;
using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>
/// Emits one result class per manifest type: the documented properties typed, everything else still readable by
/// name through the <c>ExchangeResult</c> base.
/// </summary>
internal static class ResultTypeEmitter
{
    public static string Emit(ResultTypeModel type, ManifestModel manifest)
    {
        var returnedBy = manifest.Cmdlets.Where(cmdlet => cmdlet.OutputType == type.Name).Select(cmdlet => $"<c>{cmdlet.Name}</c>").ToList();
        var summary = type.Summary is null ? string.Empty : " " + CSharpNames.XmlText(type.Summary);
        var source = GeneratedFileHeader.Start()
            .Line("namespace ExoJobRunner.Exchange.Cmdlets;")
            .Line()
            .Line($"/// <summary>A {type.Name} as Exchange returns it.{summary}</summary>")
            .Line("/// <remarks>")
            .Line("/// The documented properties are typed and null when the result does not carry them (as with")
            .Line("/// <c>Get-EXO*</c> cmdlets, which return only the properties asked for); any other property is read by name.");
        if (returnedBy.Count > 0)
        {
            source.Line($"/// Returned by {string.Join(", ", returnedBy)}.");
        }

        source.Line("/// </remarks>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line($"public sealed partial class {type.Name} : {TypeMapping.CmdletsNamespace}.ExchangeResult")
            .Open()
            .Line($"private static readonly global::System.Collections.Generic.Dictionary<string, global::System.Func<{type.Name}, object?>> DocumentedProperties =")
            .Indent()
            .Line("new(global::System.StringComparer.OrdinalIgnoreCase)")
            .Open();
        foreach (var property in type.Properties)
        {
            source.Line($"[{CSharpNames.StringLiteral(property.Name)}] = static result => result.{property.Name},");
        }

        source.Close("};")
            .Outdent()
            .Line()
            .Line($"public {type.Name}({TypeMapping.ExchangeObjectType} source)")
            .Indent()
            .Line(": base(source)")
            .Outdent()
            .Open()
            .Close();

        foreach (var property in type.Properties)
        {
            source.Line()
                .Line($"/// <summary>{property.Name}, or null when the result does not carry it.</summary>")
                .Line($"public {TypeMapping.CSharpPropertyType(property.Kind)} {property.Name} => {TypeMapping.CSharpPropertyReader(property.Kind, CSharpNames.StringLiteral(property.Name))};");
        }

        return source
            .Line()
            .Line("/// <summary>Wraps a result of a cmdlet whose output is this type.</summary>")
            .Line($"public static {type.Name} FromSource({TypeMapping.ExchangeObjectType} source) => new(source);")
            .Line()
            .Line("/// <inheritdoc/>")
            .Line("protected override bool TryReadDocumentedProperty(string name, out object? value)")
            .Open()
            .Line("if (DocumentedProperties.TryGetValue(name, out var read))")
            .Open()
            .Line("value = read(this);")
            .Line("return true;")
            .Close()
            .Line()
            .Line("value = null;")
            .Line("return false;")
            .Close()
            .Close()
            .ToString();
    }
}
