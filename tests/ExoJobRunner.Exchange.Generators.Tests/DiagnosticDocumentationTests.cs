using System.Reflection;
using System.Text.RegularExpressions;
using ExoJobRunner.Exchange.Generators.Manifest;
using ExoJobRunner.Exchange.Generators.Tests.Support;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>Every diagnostic id the generator can report is documented, and the documentation lists no other.</summary>
public sealed partial class DiagnosticDocumentationTests
{
    [Fact]
    public void Documentation_ListsExactlyTheGeneratorsDiagnosticIds()
    {
        var ids = typeof(ManifestDiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
        var documentation = File.ReadAllText(Path.Combine(RepositoryManifest.RepositoryRoot, "docs", "cmdlet-manifest.md"));

        var documented = DocumentedId().Matches(documentation).Select(match => match.Groups["id"].Value).Order(StringComparer.Ordinal);

        Assert.Equal(ids, documented);
    }

    [GeneratedRegex(@"^\| (?<id>EXOGEN\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedId();
}
