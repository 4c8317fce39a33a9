using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>Runs the real generator through Roslyn's <see cref="CSharpGeneratorDriver"/> over in-memory manifests.</summary>
internal static class GeneratorHarness
{
    public const string ManifestPath = "Cmdlets/cmdlets.json";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>A driver that records every pipeline step, so tests can see which ones ran again.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> manifests, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CSharpGeneratorDriver.Create(
            [new CmdletManifestGenerator().AsSourceGenerator()],
            manifests,
            ParseOptions,
            new BuildPropertiesProvider(buildProperties ?? new Dictionary<string, string>()),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation EmptyCompilation(params SyntaxTree[] sources) =>
        CSharpCompilation.Create(
            "ExoJobRunner.Exchange",
            sources,
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    /// <summary>Runs the generator once over one manifest.</summary>
    public static GeneratorRunResult Run(string manifestJson, IReadOnlyDictionary<string, string>? buildProperties = null) =>
        CreateDriver([new InMemoryAdditionalText(ManifestPath, manifestJson)], buildProperties)
            .RunGenerators(EmptyCompilation())
            .GetRunResult()
            .Results
            .Single();

    /// <summary>A generated file's text by its hint name.</summary>
    public static string Source(this GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(source => source.HintName == hintName).SourceText.ToString();
}
