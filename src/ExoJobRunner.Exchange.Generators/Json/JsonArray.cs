using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

internal sealed class JsonArray : JsonNode
{
    public JsonArray(TextSpan span, IReadOnlyList<JsonNode> items)
        : base(span)
    {
        Items = items;
    }

    public IReadOnlyList<JsonNode> Items { get; }

    public override string Description => "an array";
}
