using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Json;

/// <summary>A number, kept as written: the manifest only ever needs small whole numbers from it.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(TextSpan span, string text)
        : base(span)
    {
        Text = text;
    }

    public string Text { get; }

    public override string Description => "a number";

    public bool TryGetInt32(out int value) =>
        int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
