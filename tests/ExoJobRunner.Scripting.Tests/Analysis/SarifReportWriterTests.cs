using System.Text.Json;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Scripting.Analysis;
using ExoJobRunner.Scripting.Analysis.Reporting;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary><c>exojobs check --format sarif</c>: a SARIF 2.1.0 log in the shape GitHub code scanning imports.</summary>
public sealed class SarifReportWriterTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "checkout");

    [Fact]
    public void Write_DeclaresSarif210_AndEveryCatalogueRule_WithItsDocsPage()
    {
        using var log = Write([]);

        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(SarifReportWriter.SchemaUri, root.GetProperty("$schema").GetString());
        var driver = root.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        Assert.Equal(("exojobs", "1.2.3"), (driver.GetProperty("name").GetString(), driver.GetProperty("version").GetString()));
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(rule => rule.Id), rules.Select(rule => rule.GetProperty("id").GetString()));
        foreach (var (rule, entry) in RuleCatalog.All.Zip(rules))
        {
            Assert.Equal(rule.Name, entry.GetProperty("name").GetString());
            Assert.Equal(rule.Title, entry.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.Equal(new Uri(RuleCatalog.DocumentationBaseUri, rule.Id + ".md").ToString(), entry.GetProperty("helpUri").GetString());
            Assert.StartsWith($"# {rule.Id}: {rule.Title}", entry.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), entry.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        }
    }

    [Theory]
    [InlineData("jobs/report.csx",        "jobs/report.csx")]
    [InlineData("jobs/My Report.csx",     "jobs/My%20Report.csx")]
    [InlineData("jobs/lib/helpers.csx",   "jobs/lib/helpers.csx")]
    public void Write_ReportsAFinding_RelativeToTheCheckout_AtItsLineAndColumn(string relativePath, string expectedUri)
    {
        var path = Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        using var log = Write([ExoDiagnostic.Warning("EXO0003", "'.Result' on a Task: await it", new SourceLocation(path, 12, 15))]);

        var run = log.RootElement.GetProperty("runs")[0];
        var result = Assert.Single(run.GetProperty("results").EnumerateArray().ToList());
        Assert.Equal(("EXO0003", 2, "warning", "'.Result' on a Task: await it"), (
            result.GetProperty("ruleId").GetString(),
            result.GetProperty("ruleIndex").GetInt32(),
            result.GetProperty("level").GetString(),
            result.GetProperty("message").GetProperty("text").GetString()));
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal((expectedUri, "SRCROOT"), (location.GetProperty("artifactLocation").GetProperty("uri").GetString(), location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString()));
        Assert.Equal((12, 15), (location.GetProperty("region").GetProperty("startLine").GetInt32(), location.GetProperty("region").GetProperty("startColumn").GetInt32()));
        Assert.Equal(new Uri(Root + Path.DirectorySeparatorChar).AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
    }

    [Fact]
    public void Write_AddsARuleForACompilerDiagnostic_AndPointsItsResultAtIt()
    {
        var path = Path.Combine(Root, "jobs", "report.csx");
        using var log = Write([ExoDiagnostic.Error("CS0103", "The name 'missing' does not exist in the current context", new SourceLocation(path, 1, 13))]);

        var run = log.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var result = run.GetProperty("results")[0];
        var index = result.GetProperty("ruleIndex").GetInt32();
        Assert.Equal(RuleCatalog.All.Count, index);
        Assert.Equal("CS0103", rules[index].GetProperty("id").GetString());
        Assert.Equal("CS0103 (the C# compiler)", rules[index].GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.False(string.IsNullOrWhiteSpace(rules[index].GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rules[index].GetProperty("help").GetProperty("text").GetString()));
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    [Fact]
    public void Write_GivesAnAbsoluteUri_ForAFileOutsideTheCheckout()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "helper.csx");
        using var log = Write([ExoDiagnostic.Warning("EXO0008", "swallowed", new SourceLocation(outside, 3, 1))]);

        var artifact = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0]
            .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(new Uri(outside).AbsoluteUri, artifact.GetProperty("uri").GetString());
        Assert.False(artifact.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void Write_LeavesLocationsOut_ForADiagnosticWithoutOne()
    {
        using var log = Write([ExoDiagnostic.Error("EXOCFG001", "exojobs.yaml does not exist", null)]);

        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.False(result.TryGetProperty("locations", out _));
    }

    private static JsonDocument Write(IReadOnlyList<ExoDiagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        SarifReportWriter.Write(stream, diagnostics, Root, "1.2.3");
        return JsonDocument.Parse(stream.ToArray());
    }
}
