using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>How many occurrences of a schedule fell in a span of time, and the latest two of them.</summary>
/// <param name="Count">How many were counted (at most <see cref="CountLimit"/>).</param>
/// <param name="CountIsLowerBound">True when counting stopped at the limit: there were at least <see cref="Count"/>.</param>
/// <param name="Latest">The latest occurrence in the span; null when there was none.</param>
/// <param name="BeforeLatest">The one before <paramref name="Latest"/>; null when there was at most one.</param>
internal sealed record MissedOccurrences(int Count, bool CountIsLowerBound, DateTimeOffset? Latest, DateTimeOffset? BeforeLatest)
{
    /// <summary>
    /// Counting stops here: a six-field every-second job down for a month has 2.6 million occurrences, and enumerating
    /// them all would stall the scheduler's start-up for nothing but a number in a message.
    /// </summary>
    public const int CountLimit = 10_000;

    // Windows looked through, smallest first, for the latest occurrences when there were too many to count.
    private static readonly TimeSpan[] LatestSearchWindows =
        [TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(64), TimeSpan.FromDays(800)];

    /// <summary>The occurrences of <paramref name="schedule"/> after <paramref name="fromExclusive"/> up to <paramref name="toInclusive"/>.</summary>
    public static MissedOccurrences Between(JobSchedule schedule, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (toInclusive <= fromExclusive)
        {
            return new MissedOccurrences(0, false, null, null);
        }

        var count = 0;
        DateTimeOffset? latest = null;
        DateTimeOffset? beforeLatest = null;
        foreach (var occurrence in schedule.Cron.GetOccurrences(fromExclusive, toInclusive, zone, fromInclusive: false, toInclusive: true))
        {
            if (count == CountLimit)
            {
                var (last, beforeLast) = FindLatestTwo(schedule, zone, fromExclusive, toInclusive);
                return new MissedOccurrences(count, true, last, beforeLast);
            }

            count++;
            beforeLatest = latest;
            latest = occurrence;
        }

        return new MissedOccurrences(count, false, latest, beforeLatest);
    }

    private static (DateTimeOffset? Latest, DateTimeOffset? BeforeLatest) FindLatestTwo(
        JobSchedule schedule, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        (DateTimeOffset? Latest, DateTimeOffset? BeforeLatest) found = (null, null);
        foreach (var window in LatestSearchWindows)
        {
            var start = toInclusive - window > fromExclusive ? toInclusive - window : fromExclusive;
            found = (null, null);
            foreach (var occurrence in schedule.Cron.GetOccurrences(start, toInclusive, zone, fromInclusive: false, toInclusive: true))
            {
                found = (occurrence, found.Latest);
            }

            if (found.BeforeLatest is not null)
            {
                return found;
            }
        }

        return found;
    }
}
