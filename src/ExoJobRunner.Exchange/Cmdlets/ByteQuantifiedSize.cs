using System.Globalization;
using System.Text.RegularExpressions;

namespace ExoJobRunner.Exchange.Cmdlets;

/// <summary>
/// A size as Exchange reports it (<c>TotalItemSize</c>, <c>FolderSize</c>): Exchange sends text such as
/// <c>1.23 GB (1,320,702,208 bytes)</c>, whose exact part is the byte count in parentheses.
/// </summary>
public readonly partial record struct ByteQuantifiedSize(ulong Bytes)
{
    private const double Kilo = 1024d;

    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public double Kilobytes => Bytes / Kilo;

    public double Megabytes => Bytes / (Kilo * Kilo);

    public double Gigabytes => Bytes / (Kilo * Kilo * Kilo);

    /// <summary>
    /// Reads Exchange's form (<c>1.23 GB (1,320,702,208 bytes)</c>), a plain byte count, or a number with a unit
    /// (<c>50 GB</c>, units of 1024).
    /// </summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static ByteQuantifiedSize Parse(string text) =>
        TryParse(text, out var size)
            ? size
            : throw new FormatException($"'{text}' is not a size such as '1.5 GB (1,610,612,736 bytes)', '1610612736' or '1.5 GB'.");

    public static bool TryParse(string? text, out ByteQuantifiedSize size)
    {
        size = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var exact = ExactBytes().Match(text);
        var digits = exact.Success ? exact.Groups["bytes"].Value.Replace(",", string.Empty, StringComparison.Ordinal) : text.Trim();
        if (ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes))
        {
            size = new ByteQuantifiedSize(bytes);
            return true;
        }

        var withUnit = NumberWithUnit().Match(text);
        if (!withUnit.Success
            || !double.TryParse(withUnit.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var power = Array.FindIndex(Units, unit => string.Equals(unit, withUnit.Groups["unit"].Value, StringComparison.OrdinalIgnoreCase));
        size = new ByteQuantifiedSize((ulong)Math.Round(number * Math.Pow(Kilo, power)));
        return true;
    }

    /// <summary>Exchange's own form: the largest unit that keeps the number at least 1, then the exact count.</summary>
    public override string ToString()
    {
        var unit = 0;
        var scaled = (double)Bytes;
        while (scaled >= Kilo && unit < Units.Length - 1)
        {
            scaled /= Kilo;
            unit++;
        }

        // Cut, not rounded, as Exchange does: 1023.999 KB never shows as "1024 KB".
        var truncated = Math.Truncate(scaled * 100) / 100;
        return string.Create(CultureInfo.InvariantCulture, $"{truncated:0.##} {Units[unit]} ({Bytes:N0} bytes)");
    }

    [GeneratedRegex(@"\((?<bytes>[\d,]+) bytes\)", RegexOptions.CultureInvariant)]
    private static partial Regex ExactBytes();

    [GeneratedRegex(@"^\s*(?<number>\d+(\.\d+)?)\s*(?<unit>B|KB|MB|GB|TB)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NumberWithUnit();
}
