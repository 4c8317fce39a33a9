namespace ExoJobRunner.Core.Scheduling;

/// <summary>What one job does at one wake-up.</summary>
/// <param name="LastHandled">The job's last handled occurrence once this plan is carried out.</param>
/// <param name="Missed">The occurrences it missed (more than <see cref="OccurrencePlanner.MisfireThreshold"/> late).</param>
/// <param name="Unrun">The Missed row standing for the missed occurrences that will not run; null when there are none.</param>
/// <param name="Fire">The occurrences to fire, in order: a catch-up for the missed ones, then those on time.</param>
internal sealed record DuePlan(DateTimeOffset LastHandled, MissedOccurrences Missed, UnrunOccurrences? Unrun, IReadOnlyList<DueOccurrence> Fire);
