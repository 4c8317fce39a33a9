namespace ExoJobRunner.Core.Scheduling;

/// <summary>Occurrences a plan records in history instead of running: one row, at <paramref name="ScheduledAt"/>, saying why.</summary>
internal sealed record UnrunOccurrences(DateTimeOffset ScheduledAt, string Reason);
