using System.Globalization;
using System.Text.Json;
using ExoJobRunner.Sandbox.Tenancy;

namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>
/// Writes property values as the REST endpoint returns them: dates as ISO 8601 with offset, GUIDs in the
/// 8-4-4-4-12 form, sizes as Exchange's "1.23 GB (1,320,702,208 bytes)" text, enums by name.
/// </summary>
internal static class OutputJson
{
    public static void WriteObject<T>(Utf8JsonWriter writer, T item, IReadOnlyList<OutputProperty<T>> properties)
    {
        writer.WriteStartObject();
        foreach (var property in properties)
        {
            writer.WritePropertyName(property.Name);
            WriteValue(writer, property.Read(item));
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case Guid guid:
                writer.WriteStringValue(guid.ToString("D"));
                break;
            case DateTimeOffset date:
                writer.WriteStringValue(FormatDate(date));
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Text(value));
                break;
        }
    }

    /// <summary>How a value reads as text: what filters compare against and what non-JSON types are written as.</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "True" : "False",
        DateTimeOffset date => FormatDate(date),
        Guid guid => guid.ToString("D"),
        ByteQuantifiedSize size => size.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public static string FormatDate(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
