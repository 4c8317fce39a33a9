using System;
using System.IO;
using System.Linq;
using ExoJobRunner.Exchange.Generators.Emit;
using ExoJobRunner.Exchange.Generators.Manifest;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators;

/// <summary>
/// Reads the cmdlet manifest (the <c>cmdlets.json</c> among the project's AdditionalFiles) and emits, from that one
/// source, the typed cmdlet API, the result types and the PowerShell proxy functions (into the Exchange assembly),
/// or the parameter table the sandbox validates requests against.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CmdletManifestGenerator : IIncrementalGenerator
{
    /// <summary>The manifest's file name; any AdditionalFile of that name is read.</summary>
    public const string ManifestFileName = "cmdlets.json";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var manifests = context.AdditionalTextsProvider
            .Where(static text => string.Equals(Path.GetFileName(text.Path), ManifestFileName, StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) =>
                ManifestReader.Read(text.Path, text.GetText(cancellationToken) ?? SourceText.From(string.Empty), cancellationToken))
            .WithTrackingName(TrackingNames.ManifestRead)
            .Collect()
            .Select(static (results, _) => new EquatableArray<ManifestReadResult>(results))
            .WithTrackingName(TrackingNames.Manifests);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GeneratorSettings.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.Settings);

        context.RegisterSourceOutput(
            manifests.Combine(settings).WithTrackingName(TrackingNames.Output),
            static (output, input) => Emit(output, input.Left, input.Right));
    }

    private static void Emit(SourceProductionContext output, EquatableArray<ManifestReadResult> manifests, GeneratorSettings settings)
    {
        if (settings.Problem is not null)
        {
            output.ReportDiagnostic(GeneratorDiagnostics.Create(ManifestDiagnosticIds.InvalidGeneratorSetting, settings.Problem));
            return;
        }

        if (manifests.Count == 0)
        {
            return;
        }

        if (manifests.Count > 1)
        {
            var paths = string.Join(", ", manifests.Select(manifest => manifest.FilePath));
            output.ReportDiagnostic(GeneratorDiagnostics.Create(
                ManifestDiagnosticIds.SeveralManifests,
                $"The project has {manifests.Count} cmdlet manifests ({paths}); the API must come from one. Keep a single {ManifestFileName} in AdditionalFiles."));
            return;
        }

        var manifest = manifests[0];
        foreach (var problem in manifest.Diagnostics)
        {
            output.ReportDiagnostic(GeneratorDiagnostics.Create(problem));
        }

        if (manifest.Model is not { } model)
        {
            return;
        }

        if (settings.Output == GeneratorOutput.SandboxValidation)
        {
            output.AddSource("CmdletManifest.g.cs", SandboxTableEmitter.Emit(model, settings.RootNamespace!));
            return;
        }

        output.AddSource("ExchangeCmdlets.g.cs", TypedApiEmitter.Emit(model));
        output.AddSource("ExchangeCmdletCatalog.g.cs", CatalogEmitter.Emit(model));
        foreach (var type in model.ResultTypes)
        {
            output.AddSource($"Results.{type.Name}.g.cs", ResultTypeEmitter.Emit(type, model));
        }
    }
}
