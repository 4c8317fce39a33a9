using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ExoJobRunner.Sandbox.AdminApi;

/// <summary>
/// The page size a request asks for with <c>Prefer: odata.maxpagesize=N</c>. Exchange serves at most 1000 objects a
/// page; larger, smaller or unreadable values fall back to that limit (or 1 at least).
/// </summary>
internal static class PagePreference
{
    public const int MaxPageSize = 1000;

    /// <returns>The page size, and whether the preference was honoured (for <c>Preference-Applied</c>).</returns>
    public static (int PageSize, bool Applied) Read(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
        {
            foreach (var preference in (header ?? string.Empty).Split(','))
            {
                var pair = preference.Split('=', 2, StringSplitOptions.TrimEntries);
                if (pair.Length == 2
                    && string.Equals(pair[0], "odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
                {
                    return (Math.Clamp(size, 1, MaxPageSize), true);
                }
            }
        }

        return (MaxPageSize, false);
    }
}
