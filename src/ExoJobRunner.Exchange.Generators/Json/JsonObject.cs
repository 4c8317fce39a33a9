using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>A JSON object; its properties keep the order they were written in.</summary>
internal sealed class JsonObject : JsonNode
{
    public JsonObject(TextSpan span, IReadOnlyList<JsonProperty> properties)
        : base(span)
    {
        Properties = properties;
    }

    public IReadOnlyList<JsonProperty> Properties { get; }

    public override string Description => "an object";
}
