using System.Globalization;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>How occurrences are written for people: ISO 8601 in the job's time zone, with its UTC offset.</summary>
public static class OccurrenceFormat
{
    /// <summary><c>2026-10-25T02:30:00+01:00</c>: the offset tells the two copies of a repeated autumn hour apart.</summary>
    public static string InZone(DateTimeOffset occurrence, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(occurrence, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>2026-10-25T01:30:00Z</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
