using System.Linq;
using ExoJobRunner.Exchange.Generators.Manifest;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>
/// Emits <c>ExchangeCmdlets</c>: one extension method on <c>ExchangeSession</c> per cmdlet, so a script writes
/// <c>Exo.GetMailbox(identity: "alice", resultSize: ResultSize.Unlimited)</c> and the compiler checks every name.
/// </summary>
internal static class TypedApiEmitter
{
    public static string Emit(ManifestModel manifest)
    {
        var source = GeneratedFileHeader.Start()
            .Line("namespace ExoJobRunner.Exchange.Cmdlets;")
            .Line()
            .Line("/// <summary>The Exchange Online cmdlets of the manifest as typed methods of the session (<c>Exo</c> in a job).</summary>")
            .Line("[global::System.CodeDom.Compiler.GeneratedCode(\"ExoJobRunner.Exchange.Generators\", \"1.0\")]")
            .Line("public static partial class ExchangeCmdlets")
            .Open();

        var first = true;
        foreach (var cmdlet in manifest.Cmdlets)
        {
            if (!first)
            {
                source.Line();
            }

            first = false;
            EmitMethod(source, cmdlet);
        }

        return source.Close().ToString();
    }

    private static void EmitMethod(SourceBuilder source, CmdletModel cmdlet)
    {
        // C# wants required parameters first; within each group the manifest's order is kept.
        var ordered = cmdlet.Parameters.Where(cmdlet.IsAlwaysMandatory)
            .Concat(cmdlet.Parameters.Where(parameter => !cmdlet.IsAlwaysMandatory(parameter)))
            .ToList();

        EmitDocumentation(source, cmdlet, ordered);
        source.Line($"public static {ReturnType(cmdlet)} {cmdlet.MethodName}(").Indent();
        source.Line("this global::ExoJobRunner.Exchange.Connection.ExchangeSession session,");
        foreach (var parameter in ordered)
        {
            var required = cmdlet.IsAlwaysMandatory(parameter);
            var type = TypeMapping.CSharpParameterType(parameter.Kind, required);
            var defaultValue = required ? string.Empty : parameter.Kind == ParameterKind.Switch ? " = false" : " = null";
            source.Line($"{type} {CSharpNames.CamelCase(parameter.Name)}{defaultValue},");
        }

        source.Line("global::System.Threading.CancellationToken cancellationToken = default)").Outdent();
        source.Open();
        source.Line("global::System.ArgumentNullException.ThrowIfNull(session);");
        foreach (var parameter in ordered.Where(parameter => cmdlet.IsAlwaysMandatory(parameter) && TypeMapping.IsReferenceType(parameter.Kind)))
        {
            var guard = parameter.Kind == ParameterKind.String ? "global::System.ArgumentException.ThrowIfNullOrEmpty" : "global::System.ArgumentNullException.ThrowIfNull";
            source.Line($"{guard}({CSharpNames.CamelCase(parameter.Name)});");
        }

        // No locals: any name chosen for one could be a parameter's name in some cmdlet.
        var invoker = TypeMapping.CmdletsNamespace + ".CmdletInvoker";
        (string InvokerMethod, string? Factory) call = cmdlet switch
        {
            { IsQuery: true, OutputType: null } => ("Stream", invoker + ".Untyped"),
            { IsQuery: true } => ("Stream", ResultType(cmdlet) + ".FromSource"),
            { OutputType: null } => ("RunAsync", null),
            _ => ("CollectAsync", ResultType(cmdlet) + ".FromSource"),
        };
        source.Line($"return {invoker}.{call.InvokerMethod}(").Indent();
        source.Line("session,");
        var parameterLines = cmdlet.Parameters
            .Select(parameter => $".{(parameter.Kind == ParameterKind.Switch ? "AddSwitch" : "Add")}({CSharpNames.StringLiteral(parameter.Name)}, {CSharpNames.CamelCase(parameter.Name)})")
            .Prepend($"new {TypeMapping.CmdletsNamespace}.CmdletParameters({CSharpNames.StringLiteral(cmdlet.Name)})")
            .ToList();
        for (var index = 0; index < parameterLines.Count; index++)
        {
            var last = index == parameterLines.Count - 1;
            source.Line(parameterLines[index] + (last ? "," : string.Empty));
            if (index == 0)
            {
                source.Indent();
            }
        }

        source.Outdent();
        if (call.Factory is not null)
        {
            source.Line(call.Factory + ",");
        }

        source.Line("cancellationToken);").Outdent();
        source.Close();
    }

    private static void EmitDocumentation(SourceBuilder source, CmdletModel cmdlet, System.Collections.Generic.List<ParameterModel> ordered)
    {
        var summary = cmdlet.Summary is null ? string.Empty : " " + CSharpNames.XmlText(cmdlet.Summary);
        source.Line($"/// <summary>Runs <c>{cmdlet.Name}</c>.{summary}</summary>");
        if (cmdlet.ParameterSets.Count > 1)
        {
            var sets = string.Join(
                ", ",
                cmdlet.ParameterSets.Select(set => set == cmdlet.DefaultParameterSet ? set + " (the default)" : set));
            source.Line($"/// <remarks>Parameter sets: {sets}. A parameter mandatory in only some of them is optional here; Exchange refuses a call that fits none.</remarks>");
        }

        if (cmdlet.DocsUrl is not null)
        {
            source.Line($"/// <seealso href=\"{CSharpNames.XmlText(cmdlet.DocsUrl)}\">{cmdlet.Name} in Microsoft's documentation</seealso>");
        }

        source.Line("/// <param name=\"session\">The session to run it on (<c>Exo</c> in a job).</param>");
        foreach (var parameter in ordered)
        {
            var text = parameter.Summary is null ? $"-{parameter.Name}" : $"-{parameter.Name}: {CSharpNames.XmlText(parameter.Summary)}";
            source.Line($"/// <param name=\"{CSharpNames.CamelCase(parameter.Name).TrimStart('@')}\">{text}</param>");
        }

        source.Line(cmdlet.IsQuery
            ? "/// <param name=\"cancellationToken\">Stops the request and the streaming of results.</param>"
            : "/// <param name=\"cancellationToken\">Stops the request.</param>");
    }

    private static string ResultType(CmdletModel cmdlet) =>
        cmdlet.OutputType is null ? TypeMapping.ExchangeObjectType : $"{TypeMapping.CmdletsNamespace}.{cmdlet.OutputType}";

    private static string ReturnType(CmdletModel cmdlet) =>
        cmdlet.IsQuery ? $"global::System.Collections.Generic.IAsyncEnumerable<{ResultType(cmdlet)}>"
        : cmdlet.OutputType is null ? "global::System.Threading.Tasks.Task"
        : $"global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<{ResultType(cmdlet)}>>";
}
