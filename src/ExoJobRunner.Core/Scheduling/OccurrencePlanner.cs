using System.Globalization;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>
/// Works out, from a job's last handled occurrence and the time, what the job does now: which occurrences were missed,
/// what the misfire policy makes of them, and which fire on time. It reads no clock and keeps no state, so every
/// case (downtime, a clock jump, a sleep, daylight saving) is a plain function of three values.
/// <para>
/// Missed occurrences are never lost from view: <c>misfire: skip</c> records them (one Missed row saying how many);
/// <c>misfire: runOnce</c> runs the latest of them once (trigger CatchUp) and records the rest the same way, or, when
/// an occurrence is due on time anyway, lets that one be the run and records all the missed ones.
/// </para>
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
            const string While = "while the scheduler was not running, the machine slept or history could not be written";
            if (job.Misfire == MisfirePolicy.Skip)
            {
                unrun = new UnrunOccurrences(latestMissed, $"{CountText(missed)} occurrence(s) up to this one were missed {While} (misfire: skip)");
            }
            else if (fire.Count > 0)
            {
                // An occurrence on time runs anyway: running a stale one just before it would do the same work twice.
                unrun = new UnrunOccurrences(
                    latestMissed,
                    $"{CountText(missed)} occurrence(s) up to this one were missed {While}; the one on time, at {OccurrenceFormat.InZone(fire[0].ScheduledAt, job.TimeZone)}, ran instead (misfire: runOnce)");
            }
            else
            {
                fire.Add(new DueOccurrence(latestMissed, RunTrigger.CatchUp));
                if (missed.BeforeLatest is { } beforeLatest)
                {
                    unrun = new UnrunOccurrences(
                        beforeLatest,
                        $"{CountText(missed, excludingLatest: true)} occurrence(s) up to this one were missed {While}; only the latest, at {OccurrenceFormat.InZone(latestMissed, job.TimeZone)}, ran (misfire: runOnce)");
                }
            }
        }

        return new DuePlan(handledUpTo, missed, unrun, fire);
    }

    /// <summary>"3", or "more than 10000" when counting stopped at the limit; one fewer without the latest.</summary>
    public static string CountText(MissedOccurrences missed, bool excludingLatest = false)
    {
        ArgumentNullException.ThrowIfNull(missed);
        var count = excludingLatest ? missed.Count - 1 : missed.Count;
        return missed.CountIsLowerBound
            ? string.Create(CultureInfo.InvariantCulture, $"more than {count}")
            : count.ToString(CultureInfo.InvariantCulture);
    }

    private static JobSchedule Schedule(JobDefinition job) =>
        job.Schedule ?? throw new ArgumentException($"job '{job.Name}' has no schedule", nameof(job));
}
