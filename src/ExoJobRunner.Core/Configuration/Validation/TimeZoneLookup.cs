using ExoJobRunner.Shared;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// Finds time zones by IANA id (<c>Europe/Berlin</c>) or Windows id (<c>W. Europe Standard Time</c>); .NET converts
/// between the two through ICU, so both spellings work on Linux and on Windows.
/// </summary>
internal static class TimeZoneLookup
{
    public static TimeZoneInfo? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);

        if (id.Trim().Length == 0)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException
            or System.Security.SecurityException or UnauthorizedAccessException or IOException)
        {
            // On Linux an id is a path under the zoneinfo folder: "Europe" names a folder of zones, which .NET reports
            // as a SecurityException rather than as a zone it does not know.
            return null;
        }
    }

    /// <summary>The installed time zone whose id is closest to a misspelled one, if any is close.</summary>
    public static string? Suggest(string id) =>
        EditDistance.ClosestMatch(id, TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id));
}
