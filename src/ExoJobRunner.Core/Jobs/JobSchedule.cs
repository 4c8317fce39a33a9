using Cronos;

namespace ExoJobRunner.Core.Jobs;

/// <summary>A parsed cron schedule: 5 fields, or 6 when the expression includes seconds.</summary>
public sealed record JobSchedule(string Expression, CronExpression Cron, bool IncludesSeconds)
{
    /// <summary>The next occurrence strictly after <paramref name="fromUtc"/>, in <paramref name="zone"/>'s local time.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset fromUtc, TimeZoneInfo zone) =>
        Cron.GetNextOccurrence(fromUtc, zone, inclusive: false);
}
