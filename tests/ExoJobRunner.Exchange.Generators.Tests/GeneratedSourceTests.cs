using ExoJobRunner.Exchange.Generators.Tests.Support;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>The generated source for a manifest that uses every feature, compared with reviewed golden files.</summary>
public sealed class GeneratedSourceTests
{
    private static readonly Dictionary<string, string> SandboxProperties = new()
    {
        ["ExoCmdletManifestOutput"] = "SandboxValidation",
        ["RootNamespace"] = "ExoJobRunner.Sandbox",
    };

    [Theory]
    [InlineData("ExchangeCmdlets.g.cs")]
    [InlineData("ExchangeCmdletCatalog.g.cs")]
    [InlineData("Results.Widget.g.cs")]
    [InlineData("Results.WidgetPermission.g.cs")]
    public void Generate_ExchangeApi_MatchesGoldenFile(string hintName)
    {
        var result = GeneratorHarness.Run(SampleManifest.Json);

        Assert.Empty(result.Diagnostics);
        GoldenFile.AssertMatches(result.Source(hintName), hintName);
    }

    [Fact]
    public void Generate_ExchangeApi_EmitsOneFilePerResultTypeAndNoSandboxTable()
    {
        var result = GeneratorHarness.Run(SampleManifest.Json);

        Assert.Equal(
            ["ExchangeCmdletCatalog.g.cs", "ExchangeCmdlets.g.cs", "Results.Widget.g.cs", "Results.WidgetPermission.g.cs"],
            result.GeneratedSources.Select(source => source.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_SandboxValidation_MatchesGoldenFile()
    {
        var result = GeneratorHarness.Run(SampleManifest.Json, SandboxProperties);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["CmdletManifest.g.cs"], result.GeneratedSources.Select(source => source.HintName));
        GoldenFile.AssertMatches(result.Source("CmdletManifest.g.cs"), "CmdletManifest.g.cs");
    }
}
