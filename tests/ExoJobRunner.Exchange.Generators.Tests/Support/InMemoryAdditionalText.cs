using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>A manifest handed to the generator as an AdditionalFile without touching the disk.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
