using System.Reflection;
using ExoJobRunner.Core.Configuration;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>docs/configuration-errors.md must list exactly the ids in <see cref="ConfigurationDiagnosticIds"/>.</summary>
public sealed class ConfigurationDiagnosticIdsDocumentationTests
{
    [Fact]
    public void Documentation_ListsEveryId_WithItsName_AndNothingElse()
    {
        var declared = typeof(ConfigurationDiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => $"{field.GetRawConstantValue()} {field.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = File.ReadLines(Path.Combine(RepositoryRoot.Path, "docs", "configuration-errors.md"))
            .Where(line => line.StartsWith("| EXOCFG", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => $"{cells[1]} {cells[2]}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(declared, documented);
    }

    [Fact]
    public void Ids_AreUnique()
    {
        var ids = typeof(ConfigurationDiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
