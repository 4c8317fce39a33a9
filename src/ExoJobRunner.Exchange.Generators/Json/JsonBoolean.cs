using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(TextSpan span, bool value)
        : base(span)
    {
        Value = value;
    }

    public bool Value { get; }

    public override string Description => Value ? "true" : "false";
}
