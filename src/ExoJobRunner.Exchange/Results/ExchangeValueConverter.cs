using System.Globalization;
using System.Text.Json;

namespace ExoJobRunner.Exchange.Results;

/// <summary>
/// Converts a JSON property of an Exchange result to the .NET type a job asks for. Lenient where Exchange is
/// inconsistent (numbers and booleans sometimes arrive as strings, a multi-valued property with one value as a
/// scalar), strict otherwise: a value that does not fit is reported, never silently defaulted.
/// </summary>
internal static class ExchangeValueConverter
{
    private const DateTimeStyles UtcStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private static readonly Type[] SequenceInterfaces =
    [
        typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(ICollection<>),
    ];

    /// <summary>The value as the natural .NET type: string, long, double, bool, null, <see cref="ExchangeObject"/> or object?[].</summary>
    public static object? ToNatural(JsonElement value, string? cmdletName) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (object)value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => new ExchangeObject(value, cmdletName),
        JsonValueKind.Array => value.EnumerateArray().Select(item => ToNatural(item, cmdletName)).ToArray(),
        _ => null,
    };

    public static bool TryConvert(JsonElement value, Type target, string? cmdletName, out object? result)
    {
        result = null;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
        }

        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target == typeof(object))
        {
            result = ToNatural(value, cmdletName);
            return true;
        }

        if (target == typeof(JsonElement))
        {
            result = value;
            return true;
        }

        if (target == typeof(ExchangeObject))
        {
            result = value.ValueKind == JsonValueKind.Object ? new ExchangeObject(value, cmdletName) : null;
            return result is not null;
        }

        if (SequenceElementType(target) is { } elementType)
        {
            return TryConvertSequence(value, target, elementType, cmdletName, out result);
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => TryConvertText(value.GetString()!, target, out result),
            JsonValueKind.Number => TryConvertNumber(value, target, out result),
            JsonValueKind.True or JsonValueKind.False => TryConvertBoolean(value.GetBoolean(), target, out result),
            _ => false,
        };
    }

    private static Type? SequenceElementType(Type target)
    {
        if (target == typeof(string))
        {
            return null;
        }

        if (target.IsArray)
        {
            return target.GetElementType();
        }

        if (target.IsGenericType && (target.GetGenericTypeDefinition() == typeof(List<>) || SequenceInterfaces.Contains(target.GetGenericTypeDefinition())))
        {
            return target.GetGenericArguments()[0];
        }

        return null;
    }

    private static bool TryConvertSequence(JsonElement value, Type target, Type elementType, string? cmdletName, out object? result)
    {
        result = null;
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var array = Array.CreateInstance(elementType, items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            if (!TryConvert(items[index], elementType, cmdletName, out var item))
            {
                return false;
            }

            array.SetValue(item, index);
        }

        result = target.IsGenericType && target.GetGenericTypeDefinition() == typeof(List<>)
            ? Activator.CreateInstance(target, array)
            : array;
        return true;
    }

    private static bool TryConvertText(string text, Type target, out object? result)
    {
        var culture = CultureInfo.InvariantCulture;
        (bool Parsed, object? Value) parsed = target switch
        {
            _ when target == typeof(string) => (true, text),
            _ when target == typeof(bool) => (bool.TryParse(text, out var flag), flag),
            _ when target == typeof(DateTime) => (DateTime.TryParse(text, culture, UtcStyles, out var date), date),
            _ when target == typeof(DateTimeOffset) => (DateTimeOffset.TryParse(text, culture, DateTimeStyles.AssumeUniversal, out var instant), instant),
            _ when target == typeof(Guid) => (Guid.TryParse(text, out var guid), guid),
            _ when target == typeof(TimeSpan) => (TimeSpan.TryParse(text, culture, out var span), span),
            _ when target.IsEnum => (Enum.TryParse(target, text, ignoreCase: true, out var member), member),
            _ when IsNumeric(target) => TryParseNumber(text, target),
            _ => (false, null),
        };

        result = parsed.Value;
        return parsed.Parsed;
    }

    private static bool TryConvertNumber(JsonElement value, Type target, out object? result)
    {
        result = null;
        if (target == typeof(string))
        {
            result = value.GetRawText();
            return true;
        }

        if (target.IsEnum && value.TryGetInt64(out var ordinal))
        {
            result = Enum.ToObject(target, ordinal);
            return true;
        }

        if (!IsNumeric(target))
        {
            return false;
        }

        var (parsed, number) = TryParseNumber(value.GetRawText(), target);
        result = number;
        return parsed;
    }

    private static bool TryConvertBoolean(bool flag, Type target, out object? result)
    {
        result = target == typeof(bool) ? flag
            : target == typeof(string) ? flag.ToString(CultureInfo.InvariantCulture)
            : null;
        return result is not null;
    }

    private static bool IsNumeric(Type target) =>
        target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte)
        || target == typeof(uint) || target == typeof(ulong) || target == typeof(ushort) || target == typeof(sbyte)
        || target == typeof(double) || target == typeof(float) || target == typeof(decimal);

    private static (bool Parsed, object? Value) TryParseNumber(string text, Type target)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && !(target == typeof(double) || target == typeof(float)))
        {
            return (false, null);
        }

        try
        {
            if (target == typeof(double) || target == typeof(float))
            {
                var real = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                return (true, Convert.ChangeType(real, target, CultureInfo.InvariantCulture));
            }

            // Whole-number types refuse fractions rather than rounding them away.
            if (target != typeof(decimal) && decimal.Truncate(number) != number)
            {
                return (false, null);
            }

            return (true, Convert.ChangeType(number, target, CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is OverflowException or FormatException)
        {
            return (false, null);
        }
    }
}
