using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>
/// Emits <c>ExchangeCmdletCatalog</c>: every cmdlet of the manifest with its PowerShell proxy function and the
/// factory of its typed result, which the PowerShell host registers and uses.
/// </summary>
internal static class CatalogEmitter
{
    public static string Emit(ManifestModel manifest)
    {
        var source = GeneratedFileHeader.Start()
            .Line("namespace ExoJobRunner.Exchange.Cmdlets;")
            .Line()
            .Line("/// <summary>The cmdlets of the manifest, for hosts that expose them by name (the PowerShell engine).</summary>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line("public static partial class ExchangeCmdletCatalog")
            .Open()
            .Line("/// <summary>Every cmdlet of the manifest, in its order.</summary>")
            .Line($"public static global::System.Collections.Generic.IReadOnlyList<{TypeMapping.CmdletsNamespace}.ExchangeCmdletDescriptor> Cmdlets {{ get; }} =")
            .Open("[")
            ;
        foreach (var cmdlet in manifest.Cmdlets)
        {
            var factory = cmdlet.OutputType is null ? "null" : $"{TypeMapping.CmdletsNamespace}.{cmdlet.OutputType}.FromSource";
            source.Line($"new({CSharpNames.StringLiteral(cmdlet.Name)}, {VerbatimLiteral(ProxyFunctionEmitter.Emit(cmdlet))}, {factory}),");
        }

        return source.Close("];").Close().ToString();
    }

    /// <summary>A verbatim literal keeps the PowerShell text readable in the generated file, one line per line.</summary>
    private static string VerbatimLiteral(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";
}
