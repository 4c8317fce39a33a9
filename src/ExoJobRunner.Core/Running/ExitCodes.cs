namespace ExoJobRunner.Core.Running;

/// <summary>
/// The process exit codes of <c>exojobs</c>: a documented contract that Task Scheduler, systemd and CI read.
/// Changing a value is a breaking change.
/// </summary>
public static class ExitCodes
{
    /// <summary>The job (or command) succeeded.</summary>
    public const int Succeeded = 0;

    /// <summary>
    /// The job failed: an exception, an error in a PowerShell body, or a body ending with <c>exit N</c> / <c>return N</c>
    /// where N is one of these reserved codes (see <see cref="BodyExitCode"/>). For
    /// <c>exojobs doctor</c>: a check failed that is neither the configuration nor signing in (the organization, say).
    /// </summary>
    public const int JobFailed = 1;

    /// <summary>Usage or configuration error (an unknown job included); nothing ran.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>The body does not compile or parse; nothing ran.</summary>
    public const int InvalidBody = 3;

    /// <summary>The job ran past its timeout and was stopped (or abandoned when it ignored cancellation).</summary>
    public const int TimedOut = 4;

    /// <summary>
    /// Connecting or authenticating to Exchange Online failed (certificate, token, permissions), or Exchange refused the
    /// app a cmdlet (403, or a 401 that survived a fresh token): the set-up needs fixing, and <c>exojobs doctor</c> says how.
    /// </summary>
    public const int ConnectionFailed = 5;

    /// <summary>
    /// This installation of exojobs is broken: its PowerShell lacks the built-in modules (core cmdlets such as
    /// Write-Output do not resolve), so no PowerShell body can run until exojobs is reinstalled.
    /// </summary>
    public const int InstallationBroken = 6;

    /// <summary>
    /// A PowerShell body that runs with <c>errorAction: continue</c> went on past errors it wrote: the run did not fail,
    /// but did not simply succeed either (RunStatus CompletedWithErrors).
    /// </summary>
    public const int CompletedWithErrors = 7;

    /// <summary>
    /// The environment cannot keep exojobs' records: the history folder is full or read-only, or the history database
    /// is damaged. Not 2: a service manager retries this code (systemd's <c>RestartPreventExitStatus=2</c> would not).
    /// </summary>
    public const int EnvironmentError = 8;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
