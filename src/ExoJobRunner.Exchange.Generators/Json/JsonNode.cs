using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>A value of the manifest's JSON, with the span of text it was read from so diagnostics can point at it.</summary>
internal abstract class JsonNode
{
    protected JsonNode(TextSpan span)
    {
        Span = span;
    }

    public TextSpan Span { get; }

    /// <summary>How the value is named in messages: "a string", "an array" …</summary>
    public abstract string Description { get; }
}
