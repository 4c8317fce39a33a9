using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

internal sealed class JsonNull : JsonNode
{
    public JsonNull(TextSpan span)
        : base(span)
    {
    }

    public override string Description => "null";
}
