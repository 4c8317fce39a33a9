using System.Text.Json;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// Reads one InvokeCommand response page, <c>{"@odata.context":…,"value":[…],"@odata.nextLink":…,"@adminapi.warnings":[…]}</c>,
/// incrementally: it is fed the bytes received so far and hands out every <c>value</c> element that is complete, so a
/// page is never held whole in memory — only the element being received.
/// </summary>
internal sealed class InvokeCommandResponseParser
{
    private const string ValueProperty = "value";
    private const string NextLinkProperty = "@odata.nextLink";
    private const string WarningsProperty = "@adminapi.warnings";

    private readonly List<string> warnings = [];
    private JsonReaderState state;
    private Position position = Position.BeforeRoot;
    private string? currentProperty;

    private enum Position
    {
        BeforeRoot,
        InRoot,
        BeforePropertyValue,
        InValueArray,
        Done,
    }

    /// <summary>Where the next page is, once the page has been read; null on the last page.</summary>
    public string? NextLink { get; private set; }

    public IReadOnlyList<string> Warnings => warnings;

    public bool Completed => position == Position.Done;

    /// <summary>
    /// Parses the complete tokens at the start of <paramref name="data"/>, adding each complete result to
    /// <paramref name="results"/>, and returns how many bytes it consumed; the caller keeps the rest and feeds it
    /// again with more data appended.
    /// </summary>
    /// <exception cref="JsonException">The page is not an InvokeCommand response.</exception>
    public int Parse(ReadOnlySpan<byte> data, bool isFinalBlock, List<JsonElement> results)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, state);
        while (position != Position.Done)
        {
            var beforeToken = reader;
            if (!reader.Read())
            {
                break;
            }

            if (!Accept(ref reader, results))
            {
                // A value that is not fully received yet: start over from its first byte next time.
                reader = beforeToken;
                break;
            }
        }

        if (isFinalBlock && position != Position.Done)
        {
            throw new JsonException("The response ended before the InvokeCommand result was complete.");
        }

        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    /// <summary>Handles the token the reader is on; false when it starts a value whose end has not arrived.</summary>
    private bool Accept(ref Utf8JsonReader reader, List<JsonElement> results)
    {
        switch (position)
        {
            case Position.BeforeRoot:
                Expect(reader.TokenType == JsonTokenType.StartObject, "An InvokeCommand response must be a JSON object.");
                position = Position.InRoot;
                return true;

            case Position.InRoot when reader.TokenType == JsonTokenType.EndObject:
                position = Position.Done;
                return true;

            case Position.InRoot:
                currentProperty = reader.GetString();
                position = Position.BeforePropertyValue;
                return true;

            case Position.BeforePropertyValue when currentProperty == ValueProperty:
                Expect(reader.TokenType is JsonTokenType.StartArray or JsonTokenType.Null, "An InvokeCommand response's 'value' must be an array.");
                position = reader.TokenType == JsonTokenType.StartArray ? Position.InValueArray : Position.InRoot;
                return true;

            case Position.BeforePropertyValue:
                if (!TryReadWhole(ref reader, out var propertyValue))
                {
                    return false;
                }

                RecordAnnotation(propertyValue);
                position = Position.InRoot;
                return true;

            case Position.InValueArray when reader.TokenType == JsonTokenType.EndArray:
                position = Position.InRoot;
                return true;

            case Position.InValueArray:
                if (!TryReadWhole(ref reader, out var result))
                {
                    return false;
                }

                results.Add(result);
                return true;

            default:
                throw new JsonException($"Unexpected {reader.TokenType} in an InvokeCommand response.");
        }
    }

    private void RecordAnnotation(JsonElement value)
    {
        if (currentProperty == NextLinkProperty && value.ValueKind == JsonValueKind.String)
        {
            NextLink = value.GetString();
        }
        else if (currentProperty == WarningsProperty && value.ValueKind == JsonValueKind.Array)
        {
            warnings.AddRange(value.EnumerateArray().Select(warning =>
                warning.ValueKind == JsonValueKind.String ? warning.GetString()! : warning.GetRawText()));
        }
    }

    /// <summary>
    /// Copies out the value starting at the reader's token if all of it has arrived, leaving the reader on its last token.
    /// <see cref="JsonElement.TryParseValue"/> finds the value's end itself (and gives up, resetting the reader, when it
    /// has not arrived): skipping to the end first made a third pass over every result.
    /// </summary>
    private static bool TryReadWhole(ref Utf8JsonReader reader, out JsonElement value)
    {
        if (JsonElement.TryParseValue(ref reader, out var parsed))
        {
            value = parsed.Value;
            return true;
        }

        value = default;
        return false;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new JsonException(message);
        }
    }
}
