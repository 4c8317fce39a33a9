using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

internal sealed class JsonString : JsonNode
{
    public JsonString(TextSpan span, string value)
        : base(span)
    {
        Value = value;
    }

    public string Value { get; }

    public override string Description => "a string";
}
