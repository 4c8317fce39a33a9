using Cronos;
using ExoJobRunner.Core.Configuration.Validation;

namespace ExoJobRunner.Core.Jobs;

/// <summary>A parsed cron schedule: 5 fields, or 6 when the expression includes seconds.</summary>
/// <param name="Expression">The expression as written (trimmed).</param>
/// <param name="Cron">Cronos's reading of it, which computes the occurrences.</param>
/// <param name="Fields">Its fields, macros expanded.</param>
public sealed record JobSchedule(string Expression, CronExpression Cron, CronFields Fields)
{
    public bool IncludesSeconds => Fields.Second is not null;

    /// <summary>The next occurrence strictly after <paramref name="fromUtc"/>, in <paramref name="zone"/>'s local time.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset fromUtc, TimeZoneInfo zone) =>
        Cron.GetNextOccurrence(fromUtc, zone, inclusive: false);
}
