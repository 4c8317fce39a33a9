using System.Diagnostics.CodeAnalysis;
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

    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? cmdletName;

    /// <param name="json">The result as Exchange sent it.</param>
    /// <param name="cmdletName">The cmdlet that returned it, named in error messages.</param>
    public ExchangeObject(JsonElement json, string? cmdletName = null)
    {
        Json = json;
        this.cmdletName = cmdletName;
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                properties.TryAdd(property.Name, property.Value);
            }
        }

        PropertyNames = [.. properties.Keys];
    }

    /// <summary>The result as Exchange sent it.</summary>
    public JsonElement Json { get; }

    /// <summary>The property names in the order Exchange sent them.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>
    /// A property as its natural .NET value: string, long, double, bool, null, a nested <see cref="ExchangeObject"/>
    /// or an object?[] of those.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The result has no such property; the message lists those it has.</exception>
    public object? this[string name] => ExchangeValueConverter.ToNatural(Property(name), cmdletName);

    public bool Has(string name) => properties.ContainsKey(name);

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
        if (!properties.TryGetValue(name, out var json)
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
        if (properties.TryGetValue(name, out var value))
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

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null",
        _ => value.GetRawText(),
    };
}
