using System.Linq;
using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>
/// Emits the sandbox's view of the manifest: each cmdlet's parameter names, types and sets, so the offline tenant
/// accepts and refuses exactly what the typed API and the PowerShell proxies can send. The sandbox does not
/// reference the Exchange assembly, so the table and its two record types are generated into its own.
/// </summary>
internal static class SandboxTableEmitter
{
    public static string Emit(ManifestModel manifest, string rootNamespace)
    {
        var source = GeneratedFileHeader.Start()
            .Line($"namespace {rootNamespace}.Cmdlets;")
            .Line()
            .Line("/// <summary>The cmdlets of the manifest and their parameters, for validating requests.</summary>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line("internal static class CmdletManifest")
            .Open()
            .Line("/// <summary>Every cmdlet of the manifest by name; names ignore case, as Exchange's do.</summary>")
            .Line("public static global::System.Collections.Generic.IReadOnlyDictionary<string, ManifestCmdlet> Cmdlets { get; } =")
            .Indent()
            .Line("new global::System.Collections.Generic.Dictionary<string, ManifestCmdlet>(global::System.StringComparer.OrdinalIgnoreCase)")
            .Open();
        foreach (var cmdlet in manifest.Cmdlets)
        {
            source.Line($"[{CSharpNames.StringLiteral(cmdlet.Name)}] = new(").Indent()
                .Line(CSharpNames.StringLiteral(cmdlet.Name) + ",")
                .Line(StringList(cmdlet.ParameterSets) + ",")
                .Line((cmdlet.DefaultParameterSet is null ? "null" : CSharpNames.StringLiteral(cmdlet.DefaultParameterSet)) + ",")
                .Open("[");
            foreach (var parameter in cmdlet.Parameters)
            {
                source.Line(
                    $"new({CSharpNames.StringLiteral(parameter.Name)}, {CSharpNames.StringLiteral(TypeKeywords.Keyword(parameter.Kind))}, " +
                    $"{StringList(parameter.Sets)}, {Bool(parameter.IsMandatory)}, {StringList(parameter.MandatorySets)}),");
            }

            source.Close("]),").Outdent();
        }

        source.Close("};").Outdent().Close();

        source.Line()
            .Line("/// <summary>A cmdlet of the manifest.</summary>")
            .Line("/// <param name=\"Name\">As Exchange names it: <c>Get-Mailbox</c>.</param>")
            .Line("/// <param name=\"ParameterSets\">Its named parameter sets; empty when it has only one.</param>")
            .Line("/// <param name=\"DefaultParameterSet\">The set chosen when a call fits several.</param>")
            .Line("/// <param name=\"Parameters\">Its parameters, in the manifest's order.</param>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line("internal sealed record ManifestCmdlet(").Indent()
            .Line("string Name,")
            .Line("global::System.Collections.Generic.IReadOnlyList<string> ParameterSets,")
            .Line("string? DefaultParameterSet,")
            .Line("global::System.Collections.Generic.IReadOnlyList<ManifestParameter> Parameters)").Outdent()
            .Open()
            .Line("/// <summary>The parameter of that name (names ignore case), or null when the cmdlet has none such.</summary>")
            .Line("public ManifestParameter? FindParameter(string name)")
            .Open()
            .Line("foreach (var parameter in Parameters)")
            .Open()
            .Line("if (string.Equals(parameter.Name, name, global::System.StringComparison.OrdinalIgnoreCase))")
            .Open()
            .Line("return parameter;")
            .Close()
            .Close()
            .Line()
            .Line("return null;")
            .Close()
            .Close()
            .Line()
            .Line("/// <summary>A parameter of a manifest cmdlet.</summary>")
            .Line("/// <param name=\"Name\">As Exchange names it: <c>ResultSize</c>.</param>")
            .Line("/// <param name=\"Type\">The manifest's type keyword: string, string[], int, bool, switch, datetime, guid, ResultSize or multivalued.</param>")
            .Line("/// <param name=\"Sets\">The parameter sets it belongs to; empty means all of them.</param>")
            .Line("/// <param name=\"IsMandatory\">Mandatory in every set it belongs to.</param>")
            .Line("/// <param name=\"MandatorySets\">Otherwise, the sets in which it is mandatory.</param>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line("internal sealed record ManifestParameter(").Indent()
            .Line("string Name,")
            .Line("string Type,")
            .Line("global::System.Collections.Generic.IReadOnlyList<string> Sets,")
            .Line("bool IsMandatory,")
            .Line("global::System.Collections.Generic.IReadOnlyList<string> MandatorySets);").Outdent();
        return source.ToString();
    }

    private static string StringList(EquatableArray<string> values) =>
        "[" + string.Join(", ", values.Select(CSharpNames.StringLiteral)) + "]";

    private static string Bool(bool value) => value ? "true" : "false";
}
