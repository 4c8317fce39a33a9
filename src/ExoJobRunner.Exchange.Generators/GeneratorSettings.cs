using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExoJobRunner.Exchange.Generators;

/// <summary>
/// The generator's MSBuild settings, read from the properties the consuming project makes compiler-visible:
/// <c>ExoCmdletManifestOutput</c> (<c>ExchangeApi</c>, the default, or <c>SandboxValidation</c>) and, for the
/// sandbox table, <c>RootNamespace</c>.
/// </summary>
/// <param name="Output">What to emit.</param>
/// <param name="RootNamespace">The consuming project's root namespace; the sandbox table goes under it.</param>
/// <param name="Problem">Why the settings cannot be used, or null when they can.</param>
internal sealed record GeneratorSettings(GeneratorOutput Output, string? RootNamespace, string? Problem)
{
    public const string OutputProperty = "ExoCmdletManifestOutput";

    public static GeneratorSettings Read(AnalyzerConfigOptions options)
    {
        options.TryGetValue("build_property." + OutputProperty, out var outputText);
        options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        rootNamespace = string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim();

        if (string.IsNullOrWhiteSpace(outputText))
        {
            return new GeneratorSettings(GeneratorOutput.ExchangeApi, rootNamespace, Problem: null);
        }

        if (!Enum.TryParse<GeneratorOutput>(outputText!.Trim(), ignoreCase: true, out var output) || !Enum.IsDefined(typeof(GeneratorOutput), output))
        {
            return new GeneratorSettings(
                GeneratorOutput.ExchangeApi,
                rootNamespace,
                $"{OutputProperty} is '{outputText}'; set it to {nameof(GeneratorOutput.ExchangeApi)} or {nameof(GeneratorOutput.SandboxValidation)}.");
        }

        return output == GeneratorOutput.SandboxValidation && rootNamespace is null
            ? new GeneratorSettings(
                output,
                rootNamespace,
                "The sandbox table is generated under the project's root namespace: add <CompilerVisibleProperty Include=\"RootNamespace\" /> to the project.")
            : new GeneratorSettings(output, rootNamespace, Problem: null);
    }
}
