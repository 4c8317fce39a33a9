namespace ExoJobRunner.Core.Configuration;

/// <summary>The bounds the loader holds every file and value to, so that bad input is an error at load, not at run time.</summary>
public static class ConfigurationLimits
{
    /// <summary>
    /// The largest configuration, job, body or included file read: 1 MiB. Real ones are a few kilobytes; the limit keeps a
    /// mistaken path (a log, a disk image) from being read into memory whole.
    /// </summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>
    /// The longest duration (<c>timeout:</c>, a retry delay): 24 days. Timers and cancellation in .NET take at most
    /// int.MaxValue milliseconds (24.8 days) in several APIs, and a run that needs longer is not a job.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(24);
}
