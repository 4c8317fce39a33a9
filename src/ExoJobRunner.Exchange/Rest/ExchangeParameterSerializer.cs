using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExoJobRunner.Exchange.Rest;

/// <summary>
/// Writes the InvokeCommand request body, <c>{"CmdletInput":{"CmdletName":…,"Parameters":{…}}}</c>, converting .NET
/// and PowerShell values the way the ExchangeOnlineManagement module does: switches as booleans, collections as arrays,
/// hashtables (<c>@{Add=…;Remove=…}</c>) as <c>#Exchange.GenericHashTable</c> objects, dates in UTC, enums by name and
/// script blocks by their text.
/// </summary>
internal static class ExchangeParameterSerializer
{
    internal const string GenericHashTableType = "#Exchange.GenericHashTable";

    private const string UtcDateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    // The body goes to an API, never into HTML: filters keep their quotes readable ('a*', not \u0027a*\u0027).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Deeper nesting than this is a value that refers to itself, not a parameter anyone meant to send.
    private const int MaximumDepth = 32;

    // PowerShell's own types are recognised by name so that C# jobs never load the PowerShell SDK; its proxy
    // commands pass $PSBoundParameters straight through, values still wrapped in these.
    private const string PSObjectTypeName = "System.Management.Automation.PSObject";
    private const string SwitchParameterTypeName = "System.Management.Automation.SwitchParameter";
    private const string ScriptBlockTypeName = "System.Management.Automation.ScriptBlock";

    /// <exception cref="ArgumentException">A parameter cannot be sent; the message names the cmdlet, the parameter and the value's type.</exception>
    public static byte[] SerializeInvokeBody(string cmdletName, object? parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cmdletName);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("CmdletInput");
            writer.WriteString("CmdletName", cmdletName);
            writer.WriteStartObject("Parameters");
            foreach (var (name, value) in ReadParameters(cmdletName, parameters))
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value, new ParameterPath(cmdletName, name), depth: 0);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The UTC wire form of a date: <c>2025-01-31T08:00:00.0000000Z</c>. Unspecified kinds count as local, as in PowerShell.</summary>
    internal static string FormatDate(DateTime value) =>
        value.ToUniversalTime().ToString(UtcDateFormat, CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, object?>> ReadParameters(string cmdletName, object? parameters)
    {
        var pairs = parameters switch
        {
            null => [],
            string or IEnumerable when !IsDictionary(parameters) => throw new ArgumentException(
                $"Parameters for {cmdletName} must be an anonymous object (new {{ Identity = \"x\" }}) or a dictionary, not {DescribeType(parameters)}.",
                nameof(parameters)),
            _ when IsDictionary(parameters) => ReadEntries(cmdletName, parameters),
            _ => ReadProperties(parameters),
        };

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, _) in pairs)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"A parameter for {cmdletName} has an empty name.", nameof(parameters));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException(
                    $"Parameter '{name}' for {cmdletName} is given twice (parameter names ignore case).", nameof(parameters));
            }
        }

        return pairs;
    }

    private static bool IsDictionary(object value) =>
        value is IDictionary or IEnumerable<KeyValuePair<string, object?>> or IEnumerable<KeyValuePair<string, string?>>;

    private static List<KeyValuePair<string, object?>> ReadEntries(string cmdletName, object dictionary)
    {
        switch (dictionary)
        {
            case IEnumerable<KeyValuePair<string, object?>> entries:
                return [.. entries];
            case IEnumerable<KeyValuePair<string, string?>> entries:
                return [.. entries.Select(entry => new KeyValuePair<string, object?>(entry.Key, entry.Value))];
            default:
                var result = new List<KeyValuePair<string, object?>>();
                foreach (DictionaryEntry entry in (IDictionary)dictionary)
                {
                    var key = Unwrap(entry.Key) as string ?? throw new ArgumentException(
                        $"A key of a dictionary given to {cmdletName} is {DescribeType(entry.Key)}; keys must be strings.", nameof(dictionary));
                    result.Add(new KeyValuePair<string, object?>(key, entry.Value));
                }

                return result;
        }
    }

    private static List<KeyValuePair<string, object?>> ReadProperties(object value) =>
        [.. value.GetType()
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
            .Select(property => new KeyValuePair<string, object?>(property.Name, property.GetValue(value)))];

    private static void WriteValue(Utf8JsonWriter writer, object? value, ParameterPath path, int depth)
    {
        if (depth > MaximumDepth)
        {
            throw new ArgumentException($"{path} nests more than {MaximumDepth.ToString(CultureInfo.InvariantCulture)} levels deep; does it contain itself?");
        }

        value = Unwrap(value);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case char character:
                writer.WriteStringValue(character.ToString());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case Enum member:
                // Exchange parses enum values by name; flags combine as "A, B", which it accepts too.
                writer.WriteStringValue(member.ToString());
                break;
            case DateTime date:
                writer.WriteStringValue(FormatDate(date));
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(FormatDate(instant.UtcDateTime));
                break;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Guid guid:
                writer.WriteStringValue(guid.ToString("D"));
                break;
            case double or float when !double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                throw new ArgumentException($"{path} is {value}, which JSON cannot carry.");
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                writer.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case not null when IsDictionary(value):
                WriteHashTable(writer, ReadEntries(path.CmdletName, value), path, depth);
                break;
            case not null when IsAnonymousType(value.GetType()):
                WriteHashTable(writer, ReadProperties(value), path, depth);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, path, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(
                    $"{path} is {DescribeType(value)}, which cannot be sent to Exchange. Pass a string, number, bool, " +
                    "DateTime, enum, Guid, an array, or a dictionary / anonymous object (for Add/Remove).");
        }
    }

    private static void WriteHashTable(Utf8JsonWriter writer, List<KeyValuePair<string, object?>> entries, ParameterPath path, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.type", GenericHashTableType);
        foreach (var (key, entry) in entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, entry, path, depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>Replaces PowerShell wrappers by what they stand for: a PSObject by its base object, a switch by a bool, a script block by its text.</summary>
    private static object? Unwrap(object? value)
    {
        while (value is not null)
        {
            var type = value.GetType();
            switch (type.FullName)
            {
                case PSObjectTypeName:
                    value = type.GetProperty("BaseObject")!.GetValue(value);
                    continue;
                case SwitchParameterTypeName:
                    return type.GetProperty("IsPresent")!.GetValue(value);
                case ScriptBlockTypeName:
                    return value.ToString();
                default:
                    return value;
            }
        }

        return null;
    }

    private static bool IsAnonymousType(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        && type.Name.Contains("AnonymousType", StringComparison.Ordinal);

    private static string DescribeType(object? value) => value is null ? "null" : $"a {value.GetType().Name}";

    /// <summary>Names a parameter in error messages: "Parameter 'EmailAddresses' of Set-Mailbox".</summary>
    private readonly record struct ParameterPath(string CmdletName, string Name)
    {
        public override string ToString() => $"Parameter '{Name}' of {CmdletName}";
    }
}
