using ExoJobRunner.Exchange.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>
/// The generator runs in the IDE on every keystroke: an edit that does not touch the manifest must reuse the cached
/// output, and an edit of the manifest must produce new output.
/// </summary>
public sealed class IncrementalityTests
{
    [Fact]
    public void Generate_ReusesCachedOutput_WhenUnrelatedSourceChanges()
    {
        var compilation = GeneratorHarness.EmptyCompilation(CSharpSyntaxTree.ParseText("class Report { }", GeneratorHarness.ParseOptions));
        var driver = GeneratorHarness.CreateDriver([new InMemoryAdditionalText(GeneratorHarness.ManifestPath, SampleManifest.Json)])
            .RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText("class Report { int Count; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertEveryOutput(result, TrackingNames.ManifestRead, IncrementalStepRunReason.Cached);
        AssertEveryOutput(result, TrackingNames.Manifests, IncrementalStepRunReason.Cached);
        AssertEveryOutput(result, TrackingNames.Output, IncrementalStepRunReason.Cached);
        Assert.All(
            result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Generate_ProducesNewOutput_WhenManifestChanges()
    {
        var manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, SampleManifest.Json);
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver([manifest]).RunGenerators(compilation);

        var renamed = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, SampleManifest.Json.Replace("Get-WidgetRaw", "Get-WidgetSource", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(manifest, renamed).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertEveryOutput(result, TrackingNames.ManifestRead, IncrementalStepRunReason.Modified);
        AssertEveryOutput(result, TrackingNames.Output, IncrementalStepRunReason.Modified);
        Assert.Contains("GetWidgetSource(", result.Source("ExchangeCmdlets.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ReusesParsedManifest_WhenOnlyTheTextObjectIsNew()
    {
        // An editor that re-saves the file unchanged hands the generator a new text with the same content: the
        // model compares equal, so nothing downstream runs again.
        var manifest = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, SampleManifest.Json);
        var compilation = GeneratorHarness.EmptyCompilation();
        var driver = GeneratorHarness.CreateDriver([manifest]).RunGenerators(compilation);

        var resaved = new InMemoryAdditionalText(GeneratorHarness.ManifestPath, SampleManifest.Json);
        var result = driver.ReplaceAdditionalText(manifest, resaved).RunGenerators(compilation).GetRunResult().Results.Single();

        AssertEveryOutput(result, TrackingNames.ManifestRead, IncrementalStepRunReason.Unchanged);
        AssertEveryOutput(result, TrackingNames.Output, IncrementalStepRunReason.Cached);
    }

    private static void AssertEveryOutput(GeneratorRunResult result, string stepName, IncrementalStepRunReason reason)
    {
        var outputs = result.TrackedSteps[stepName].SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(reason, output.Reason));
    }
}
