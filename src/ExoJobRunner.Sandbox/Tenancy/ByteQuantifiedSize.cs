using System.Globalization;

namespace ExoJobRunner.Sandbox.Tenancy;

/// <summary>
/// A size printed the way Exchange prints <c>ByteQuantifiedSize</c>: the largest unit that keeps the value at least 1,
/// rounded to at most two decimals, then the exact byte count with thousands separators:
/// <c>1.23 GB (1,320,702,208 bytes)</c> (1,320,702,208 bytes is 1.2299998 GB, so Exchange rounds rather than cuts).
/// </summary>
internal readonly record struct ByteQuantifiedSize(long Bytes)
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public static ByteQuantifiedSize FromGigabytes(long gigabytes) => new(gigabytes * 1024L * 1024 * 1024);

    public override string ToString()
    {
        var unit = 0;
        var scaled = (decimal)Bytes;
        while (scaled >= 1024 && unit < Units.Length - 1)
        {
            scaled /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{scaled:0.##} {Units[unit]} ({Bytes:N0} bytes)");
    }
}
