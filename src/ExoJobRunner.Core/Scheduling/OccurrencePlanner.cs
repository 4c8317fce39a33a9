using System.Globalization;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Works out, from a job's last handled occurrence and the time, what the job does now: which occurrences were missed,
/// what the misfire policy makes of them, and which fire on time. It reads no clock and keeps no state, so every
/// case (downtime, a clock jump, a sleep, daylight saving) is a plain function of three values.
/// </summary>
internal static class OccurrencePlanner
{
    /// <summary>
    /// How late an occurrence may be handled and still count as on time. Later than this it was missed (the
    /// scheduler was down or the machine asleep) and the misfire policy decides.
    /// </summary>
    public static readonly TimeSpan MisfireThreshold = TimeSpan.FromMinutes(1);

    /// <summary>The next occurrence of <paramref name="job"/> after <paramref name="lastHandled"/>; null when its schedule has none left.</summary>
    public static DateTimeOffset? NextOccurrence(JobDefinition job, DateTimeOffset lastHandled) =>
        Schedule(job).GetNextOccurrence(lastHandled, job.TimeZone);

    /// <summary>Every occurrence of <paramref name="job"/> after <paramref name="lastHandled"/> up to <paramref name="now"/>, and what to do with each.</summary>
    public static DuePlan Plan(JobDefinition job, DateTimeOffset lastHandled, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var schedule = Schedule(job);
        var lateCutoff = now - MisfireThreshold;
        var missed = MissedOccurrences.Between(schedule, job.TimeZone, lastHandled, lateCutoff);
        var onTimeFrom = lastHandled > lateCutoff ? lastHandled : lateCutoff;
        List<DueOccurrence> fire = onTimeFrom < now
            ? [.. schedule.Cron.GetOccurrences(onTimeFrom, now, job.TimeZone, fromInclusive: false, toInclusive: true)
                .Select(occurrence => new DueOccurrence(occurrence, RunTrigger.Schedule))]
            : [];
        var handledUpTo = fire.Count > 0 ? fire[^1].ScheduledAt : missed.Latest ?? lastHandled;

        UnrunOccurrences? unrun = null;
        if (missed.Latest is { } latestMissed)
        {
            if (job.Misfire == MisfirePolicy.Skip)
            {
                unrun = new UnrunOccurrences(
                    latestMissed,
                    $"{CountText(missed)} occurrence(s) up to this one were missed while the scheduler was not running or the machine slept (misfire: skip)");
            }
            else if (fire.Count == 0)
            {
                fire.Add(new DueOccurrence(latestMissed, RunTrigger.CatchUp));
            }
        }

        return new DuePlan(handledUpTo, missed, unrun, fire);
    }

    /// <summary>"3", or "more than 10000" when counting stopped at the limit.</summary>
    public static string CountText(MissedOccurrences missed)
    {
        ArgumentNullException.ThrowIfNull(missed);
        return missed.CountIsLowerBound
            ? string.Create(CultureInfo.InvariantCulture, $"more than {missed.Count}")
            : missed.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static JobSchedule Schedule(JobDefinition job) =>
        job.Schedule ?? throw new ArgumentException($"job '{job.Name}' has no schedule", nameof(job));
}
