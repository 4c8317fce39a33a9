using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Scheduling;

/// <summary>One run the scheduler starts: the job, the id it chose (already written into the job's lock), why, and for which occurrence.</summary>
public sealed record ScheduledRun(JobDefinition Job, string RunId, RunTrigger Trigger, DateTimeOffset ScheduledAt);
