using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ExoJobRunner.Exchange.Results;

/// <summary>
/// One object returned by a cmdlet (a mailbox, a group, …). Properties are read by name, ignoring case as
/// PowerShell does: <c>mailbox["DisplayName"]</c> gives the natural .NET value, <c>mailbox.Get&lt;DateTime&gt;("WhenCreated")</c>
/// converts. Deliberately not <c>dynamic</c>: dynamic call sites cache script types and would keep a job's
/// collectible load context alive.
/// </summary>
public sealed class ExchangeObject
{
    private const int MaximumNamesInMessages = 30;

    /// <summary>
    /// Lookups answered by scanning the JSON before the object indexes its properties by name. A job usually reads a
    /// handful of properties of each of thousands of results; indexing all of a mailbox's ~70 names up front (a string
    /// and a dictionary entry each) cost more than the rest of receiving the result.
    /// </summary>
    private const int LookupsBeforeIndexing = 8;

    private readonly string? cmdletName;
    private PropertyIndex? index;
    private int lookups;

    /// <param name="json">The result as Exchange sent it.</param>
    /// <param name="cmdletName">The cmdlet that returned it, named in error messages.</param>
    public ExchangeObject(JsonElement json, string? cmdletName = null)
    {
        Json = json;
        this.cmdletName = cmdletName;
    }

    /// <summary>The result as Exchange sent it.</summary>
    public JsonElement Json { get; }

    /// <summary>The property names in the order Exchange sent them.</summary>
    public IReadOnlyList<string> PropertyNames => Index().Names;

    /// <summary>
    /// A property as its natural .NET value: string, long, double, bool, null, a nested <see cref="ExchangeObject"/>
    /// or an object?[] of those.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The result has no such property; the message lists those it has.</exception>
    public object? this[string name] => ExchangeValueConverter.ToNatural(Property(name), cmdletName);

    public bool Has(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryFind(name, out _);
    }

    /// <summary>
    /// A property converted to <typeparamref name="T"/>: string, bool, the numeric types, DateTime (UTC),
    /// DateTimeOffset, Guid, TimeSpan, enums, <see cref="ExchangeObject"/>, <see cref="JsonElement"/>, nullable forms,
    /// and arrays / lists of those.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The result has no such property.</exception>
    /// <exception cref="InvalidCastException">The value does not convert; the message shows it.</exception>
    public T Get<T>(string name)
    {
        var value = Property(name);
        if (!ExchangeValueConverter.TryConvert(value, typeof(T), cmdletName, out var converted))
        {
            throw new InvalidCastException(
                $"Property '{name}'{Source} is {Describe(value)}, which does not convert to {typeof(T).Name}.");
        }

        return (T)converted!;
    }

    /// <summary>A property converted as by <see cref="Get{T}"/>; false when it is missing, null or does not convert.</summary>
    public bool TryGet<T>(string name, [MaybeNullWhen(false)] out T value)
    {
        value = default;
        ArgumentNullException.ThrowIfNull(name);
        if (!TryFind(name, out var json)
            || json.ValueKind == JsonValueKind.Null
            || !ExchangeValueConverter.TryConvert(json, typeof(T), cmdletName, out var converted))
        {
            return false;
        }

        value = (T)converted!;
        return true;
    }

    public override string ToString() => Json.GetRawText();

    private string Source => cmdletName is null ? string.Empty : $" of this {cmdletName} result";

    private JsonElement Property(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryFind(name, out var value))
        {
            return value;
        }

        var known = PropertyNames.Count <= MaximumNamesInMessages
            ? string.Join(", ", PropertyNames)
            : string.Join(", ", PropertyNames.Take(MaximumNamesInMessages)) + ", …";
        throw new KeyNotFoundException(
            PropertyNames.Count == 0
                ? $"Property '{name}' does not exist{Source}: it has no properties."
                : $"Property '{name}' does not exist{Source}. It has: {known}.");
    }

    /// <summary>The first property whose name equals <paramref name="name"/> ignoring case, as PowerShell finds it.</summary>
    private bool TryFind(string name, out JsonElement value)
    {
        if (Volatile.Read(ref index) is not null || Interlocked.Increment(ref lookups) > LookupsBeforeIndexing)
        {
            return Index().Values.TryGetValue(name, out value);
        }

        if (Json.ValueKind == JsonValueKind.Object)
        {
            var asciiName = Ascii.IsValid(name);
            foreach (var property in Json.EnumerateObject())
            {
                if (NameEquals(property, name, asciiName))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    private PropertyIndex Index()
    {
        if (Volatile.Read(ref index) is { } built)
        {
            return built;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        if (Json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in Json.EnumerateObject())
            {
                values.TryAdd(property.Name, property.Value);
            }
        }

        // Threads racing here build equal indexes; the first one stored is kept.
        var fresh = new PropertyIndex(values, [.. values.Keys]);
        return Interlocked.CompareExchange(ref index, fresh, null) ?? fresh;
    }

    /// <summary>
    /// Compares without making a string of the property's name when both names are plain ASCII, which Exchange's are;
    /// escaped or non-ASCII names are compared as strings, exactly as the index compares them.
    /// </summary>
    private static bool NameEquals(JsonProperty property, string name, bool asciiName)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return asciiName && raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw)
            ? Ascii.EqualsIgnoreCase(raw, name)
            : string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };

    /// <summary>Every property by name (first one wins, ignoring case) and the names in Exchange's order.</summary>
    private sealed record PropertyIndex(Dictionary<string, JsonElement> Values, IReadOnlyList<string> Names);
}
