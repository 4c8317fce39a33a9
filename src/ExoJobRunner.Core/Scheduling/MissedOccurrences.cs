using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>How many occurrences of a schedule fell in a span of time, and the latest of them.</summary>
/// <param name="Count">How many were counted (at most <see cref="CountLimit"/>).</param>
/// <param name="CountIsLowerBound">True when counting stopped at the limit: there were at least <see cref="Count"/>.</param>
/// <param name="Latest">The latest occurrence in the span; null when there was none.</param>
internal sealed record MissedOccurrences(int Count, bool CountIsLowerBound, DateTimeOffset? Latest)
{
    /// <summary>
    /// Counting stops here: a six-field every-second job down for a month has 2.6 million occurrences, and enumerating
    /// them all would stall the scheduler's start-up for nothing but a number in a message.
    /// </summary>
    public const int CountLimit = 10_000;

    // Windows looked through, smallest first, for the latest occurrence when there were too many to count.
    private static readonly TimeSpan[] LatestSearchWindows =
        [TimeSpan.FromMinutes(2), TimeSpan.FromHours(2), TimeSpan.FromDays(2), TimeSpan.FromDays(64), TimeSpan.FromDays(800)];

    /// <summary>The occurrences of <paramref name="schedule"/> after <paramref name="fromExclusive"/> up to <paramref name="toInclusive"/>.</summary>
    public static MissedOccurrences Between(JobSchedule schedule, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (toInclusive <= fromExclusive)
        {
            return new MissedOccurrences(0, false, null);
        }

        var count = 0;
        DateTimeOffset? latest = null;
        foreach (var occurrence in schedule.Cron.GetOccurrences(fromExclusive, toInclusive, zone, fromInclusive: false, toInclusive: true))
        {
            if (count == CountLimit)
            {
                return new MissedOccurrences(count, true, FindLatest(schedule, zone, fromExclusive, toInclusive));
            }

            count++;
            latest = occurrence;
        }

        return new MissedOccurrences(count, false, latest);
    }

    private static DateTimeOffset? FindLatest(JobSchedule schedule, TimeZoneInfo zone, DateTimeOffset fromExclusive, DateTimeOffset toInclusive)
    {
        foreach (var window in LatestSearchWindows)
        {
            var start = toInclusive - window > fromExclusive ? toInclusive - window : fromExclusive;
            DateTimeOffset? latest = null;
            foreach (var occurrence in schedule.Cron.GetOccurrences(start, toInclusive, zone, fromInclusive: false, toInclusive: true))
            {
                latest = occurrence;
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }
}
