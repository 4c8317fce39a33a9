using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>An occurrence waiting in a job's queue for the running one to end.</summary>
internal sealed record PendingOccurrence(DateTimeOffset ScheduledAt, RunTrigger Trigger);
