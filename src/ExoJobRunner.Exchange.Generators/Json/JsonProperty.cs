using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>One <c>"name": value</c> pair of an object.</summary>
internal sealed class JsonProperty
{
    public JsonProperty(string name, TextSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    /// <summary>Where the name (with its quotes) was written: unknown and duplicate keys are reported here.</summary>
    public TextSpan NameSpan { get; }

    public JsonNode Value { get; }
}
