namespace ExoJobRunner.Core.Scheduling;

/// <summary>What is due for one job at one wake-up: the occurrences it missed, and those to fire now, in order.</summary>
internal sealed record DuePlan(JobSlot Slot, MissedOccurrences Missed, IReadOnlyList<DateTimeOffset> OnTime);
