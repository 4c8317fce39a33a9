using System.Globalization;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>
/// Comparison semantics of OPATH against the sandbox's property values: text compares case-insensitively, multi-valued
/// properties match when any value does (<c>EmailAddresses -eq 'smtp:a@b'</c>, with or without the prefix), booleans
/// accept <c>$true</c> or <c>'True'</c>, <c>$null</c> matches null, empty text and empty lists, and <c>-like</c> takes
/// <c>*</c> wildcards anywhere.
/// </summary>
internal static class OpathValues
{
    public static bool AreEqual(object? actual, OpathComparison comparison)
    {
        if (comparison.ValueKind == OpathValueKind.Null)
        {
            return actual is null || actual is string { Length: 0 } || (actual is IEnumerable<string> list && !list.Any());
        }

        return actual switch
        {
            null => false,
            string text => TextEquals(text, comparison.Value),
            IEnumerable<string> list => list.Any(element => TextEquals(element, comparison.Value) || TextEquals(WithoutPrefix(element), comparison.Value)),
            bool flag => ParseBoolean(comparison) is { } wanted && wanted == flag,
            DateTimeOffset date => ParseDate(comparison.Value) is { } wanted && wanted == date,
            int or long => long.TryParse(comparison.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                && number == Convert.ToInt64(actual, CultureInfo.InvariantCulture),
            _ => TextEquals(OutputJson.Text(actual), comparison.Value),
        };
    }

    public static bool IsLike(object? actual, string pattern) => actual switch
    {
        null => false,
        string text => Matches(text, pattern),
        IEnumerable<string> list => list.Any(element => Matches(element, pattern) || Matches(WithoutPrefix(element), pattern)),
        _ => Matches(OutputJson.Text(actual), pattern),
    };

    /// <summary>Negative, zero or positive as the actual value sorts before, with or after the filter's value; null never matches.</summary>
    public static int? Order(object? actual, OpathComparison comparison) => actual switch
    {
        null => null,
        int or long => long.TryParse(comparison.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? Convert.ToInt64(actual, CultureInfo.InvariantCulture).CompareTo(number)
            : null,
        DateTimeOffset date => ParseDate(comparison.Value) is { } wanted ? date.CompareTo(wanted) : null,
        _ => string.Compare(OutputJson.Text(actual), comparison.Value, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>Glob match with <c>*</c> as the only wildcard, case-insensitive, greedy with backtracking to the last star.</summary>
    public static bool Matches(string text, string pattern)
    {
        int t = 0, p = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool TextEquals(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    /// <summary>Proxy addresses carry a type prefix (<c>SMTP:</c>, <c>smtp:</c>, <c>X500:</c>) that a filter may leave out.</summary>
    private static string WithoutPrefix(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon is > 0 and <= 4 ? value[(colon + 1)..] : value;
    }

    private static bool? ParseBoolean(OpathComparison comparison) => comparison.ValueKind switch
    {
        OpathValueKind.True => true,
        OpathValueKind.False => false,
        _ => comparison.Value.ToUpperInvariant() switch
        {
            "TRUE" or "$TRUE" or "1" => true,
            "FALSE" or "$FALSE" or "0" => false,
            _ => null,
        },
    };

    /// <summary>ISO 8601, or the en-US form Exchange Online's servers parse ("11/03/2025 08:00").</summary>
    private static DateTimeOffset? ParseDate(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
        || DateTimeOffset.TryParse(value, CultureInfo.GetCultureInfo("en-US"), DateTimeStyles.AssumeUniversal, out date)
            ? date
            : null;
}
