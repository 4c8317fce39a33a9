using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>An occurrence to fire: planned at a wake-up, or waiting in a job's queue for the running one to end.</summary>
internal sealed record DueOccurrence(DateTimeOffset ScheduledAt, RunTrigger Trigger);
