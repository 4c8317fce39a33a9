using System.Globalization;
using ExoJobRunner.Exchange.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>
/// A malformed manifest fails the build with a diagnostic at the manifest line it is about, saying what to do, and
/// generates nothing (so the build does not also drown in errors about missing types).
/// </summary>
public sealed class ManifestDiagnosticsTests
{
    [Theory]
    [InlineData("EXOGEN001", 4, "expected ',' or '}' after a property", """
        {
          "cmdlets": [
            { "name": "Get-Widget",
              "output": "Widget" "parameters": [] }
          ]
        }
        """)]
    [InlineData("EXOGEN001", 3, "this string is never closed", """
        {
          "cmdlets": [
            { "name": "Get-Widget }
          ]
        }
        """)]
    [InlineData("EXOGEN001", 3, "found 'yes' (strings need double quotes)", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [ { "name": "Force", "type": "switch", "pipeline": yes } ] }
          ]
        }
        """)]
    [InlineData("EXOGEN002", 5, "unknown key \"manadatory\"; did you mean \"mandatory\"?", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "string",
                "manadatory": true }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN003", 4, "parameter #1 of Get-Widget has no \"name\"", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "type": "string" }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN004", 4, "\"position\" of parameter 'Identity' of Get-Widget must be a number, not a string", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "string", "position": "0" }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN005", 4, "unknown type \"strng\". Did you mean 'string'?", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "strng" }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN005", 7, "Property 'Size' of type Widget has unknown type \"bytes\"", """
        {
          "cmdlets": [ { "name": "Get-Widget", "output": "Widget" } ],
          "types": [
            { "name": "Widget",
              "properties": {
                "Name": "string",
                "Size": "bytes"
              } }
          ]
        }
        """)]
    [InlineData("EXOGEN006", 5, "Get-Widget lists parameter 'IDENTITY' twice", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "string" },
              { "name": "IDENTITY", "type": "string" }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN006", 4, "Cmdlet Get-Widget is listed twice", """
        {
          "cmdlets": [
            { "name": "Get-Widget" },
            { "name": "Get-Widget" }
          ]
        }
        """)]
    [InlineData("EXOGEN007", 3, "Cmdlet name 'GetWidget' is not Verb-Noun", """
        {
          "cmdlets": [
            { "name": "GetWidget" }
          ]
        }
        """)]
    [InlineData("EXOGEN008", 4, "Output type 'Widgt' of Get-Widget is not declared under \"types\". Did you mean 'Widget'?", """
        {
          "cmdlets": [
            { "name": "Get-Widget",
              "output": "Widgt" }
          ],
          "types": [ { "name": "Widget", "properties": { "Name": "string" } } ]
        }
        """)]
    [InlineData("EXOGEN008", 5, "mandatory in set 'Owner', which it is not in (its sets are Identity)", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Trustee", "type": "string", "sets": ["Identity"],
                "mandatory": ["Owner"] }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN009", 3, "Get-Widget has parameter sets Identity, Search: name the one PowerShell picks", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "string", "sets": ["Identity"] },
              { "name": "Search", "type": "string", "sets": ["Search"] }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN009", 5, "Parameters 'Identity' and 'Name' both take position 0 in Get-Widget", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "Identity", "type": "string", "position": 0 },
              { "name": "Name", "type": "string", "position": 0 }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN009", 5, "both take pipeline input in set 'Search' of Get-Widget", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "defaultParameterSet": "Search", "parameters": [
              { "name": "Identity", "type": "string", "pipeline": true },
              { "name": "Search", "type": "string", "pipeline": true, "sets": ["Search"] }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN010", 4, "clashes with the typed method's own 'cancellationToken' parameter", """
        {
          "cmdlets": [
            { "name": "Get-Widget", "parameters": [
              { "name": "CancellationToken", "type": "string" }
            ] }
          ]
        }
        """)]
    [InlineData("EXOGEN010", 5, "Property name 'Source' cannot be generated on type Widget", """
        {
          "cmdlets": [ { "name": "Get-Widget", "output": "Widget" } ],
          "types": [
            { "name": "Widget", "properties": {
                "Source": "string" } }
          ]
        }
        """)]
    public void Generate_ReportsManifestProblem_AtItsLine(string id, int line, string messageFragment, string manifest)
    {
        var result = GeneratorHarness.Run(manifest);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(messageFragment, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.ManifestPath, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Generate_ReportsEveryProblem_NotJustTheFirst()
    {
        const string manifest = """
            {
              "cmdlets": [
                { "name": "Get-Widget", "parameters": [
                  { "name": "Identity", "type": "strng" },
                  { "name": "Force", "type": "switch", "pipelin": true }
                ] }
              ]
            }
            """;

        var result = GeneratorHarness.Run(manifest);

        Assert.Equal(
            [("EXOGEN005", 4), ("EXOGEN002", 5)],
            result.Diagnostics.Select(diagnostic => (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1)));
    }

    [Fact]
    public void Generate_ReportsSeveralManifests_AndGeneratesNothing()
    {
        var result = GeneratorHarness.CreateDriver(
            [
                new InMemoryAdditionalText("A/cmdlets.json", SampleManifest.Json),
                new InMemoryAdditionalText("B/cmdlets.json", SampleManifest.Json),
            ])
            .RunGenerators(GeneratorHarness.EmptyCompilation())
            .GetRunResult()
            .Results
            .Single();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EXOGEN011", diagnostic.Id);
        Assert.Contains("A/cmdlets.json, B/cmdlets.json", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
    }

    [Theory]
    [InlineData("Typed", null, "ExoCmdletManifestOutput is 'Typed'; set it to ExchangeApi or SandboxValidation")]
    [InlineData("SandboxValidation", null, "add <CompilerVisibleProperty Include=\"RootNamespace\" />")]
    public void Generate_ReportsUnusableSetting(string output, string? rootNamespace, string messageFragment)
    {
        var properties = new Dictionary<string, string> { ["ExoCmdletManifestOutput"] = output };
        if (rootNamespace is not null)
        {
            properties["RootNamespace"] = rootNamespace;
        }

        var result = GeneratorHarness.Run(SampleManifest.Json, properties);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("EXOGEN012", diagnostic.Id);
        Assert.Contains(messageFragment, diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Empty(result.GeneratedSources);
    }
}
