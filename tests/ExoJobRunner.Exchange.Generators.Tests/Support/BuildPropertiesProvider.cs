using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>The MSBuild properties a project makes compiler-visible, as the generator reads them (<c>build_property.*</c>).</summary>
internal sealed class BuildPropertiesProvider(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            const string Prefix = "build_property.";
            value = null;
            return key.StartsWith(Prefix, StringComparison.Ordinal) && properties.TryGetValue(key[Prefix.Length..], out value);
        }
    }
}
