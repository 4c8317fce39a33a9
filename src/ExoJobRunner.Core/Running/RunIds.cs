using System.Globalization;
using System.Security.Cryptography;

namespace ExoJobRunner.Core.Running;

/// <summary>
/// Makes run ids that sort by start time and are unique across processes on one machine:
/// <c>20261127-215000-3fa9c1</c> (UTC start, then 24 random bits).
/// </summary>
public static class RunIds
{
    public static string Create(DateTimeOffset startedAt)
    {
        var random = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        return startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + random;
    }
}
