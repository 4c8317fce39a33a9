using System.Globalization;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// Reads durations written as numbers with units, largest unit first: <c>90s</c>, <c>15m</c>, <c>2h</c>,
/// <c>1h30m</c>, <c>1d</c>. A bare number is refused on purpose: "timeout: 90" could mean seconds or minutes.
/// </summary>
internal static class DurationParser
{
    private const string Units = "dhms";

    private static readonly long[] SecondsPerUnit = [86_400, 3_600, 60, 1];

    // Nine digits of days (about 86 * 10^12 seconds) still fit a long; the total is then checked against TimeSpan.
    private const int MaxDigits = 9;

    /// <summary>The duration, or null when <paramref name="text"/> is not a well-formed one (or too long for a TimeSpan).</summary>
    public static TimeSpan? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        long totalSeconds = 0;
        var position = 0;
        var lastUnit = -1;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var digits = position - digitsStart;
            if (digits == 0 || digits > MaxDigits || position == text.Length)
            {
                return null;
            }

            // Units must come largest first and each at most once: "30m1h" or "1h1h" is more likely a slip than intent.
            var unit = Units.IndexOf(text[position], StringComparison.Ordinal);
            if (unit <= lastUnit)
            {
                return null;
            }

            totalSeconds += long.Parse(text.AsSpan(digitsStart, digits), CultureInfo.InvariantCulture) * SecondsPerUnit[unit];
            lastUnit = unit;
            position++;
        }

        return position == 0 || totalSeconds > (long)TimeSpan.MaxValue.TotalSeconds
            ? null
            : TimeSpan.FromSeconds(totalSeconds);
    }
}
