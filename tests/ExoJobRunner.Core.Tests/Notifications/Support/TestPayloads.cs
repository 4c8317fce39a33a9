using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Tests.Notifications.Support;

/// <summary>Payloads as a run would produce them, with values a test can look for.</summary>
internal static class TestPayloads
{
    public static NotificationPayload Failed(string runFolder) => new()
    {
        Job = "mailbox-report",
        RunId = "20260601-120000-4f1c2a",
        Status = "Failed",
        ExitCode = 1,
        ErrorSummary = "mailbox quota report failed: <ops@contoso.com> & 2 more",
        Trigger = "Schedule",
        Attempt = 1,
        StartedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
        EndedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 2, 410, TimeSpan.Zero),
        DurationSeconds = 2.41,
        Duration = "2.41s",
        Host = "ops-01",
        RunFolder = runFolder,
    };

    public static NotificationPayload Succeeded(string runFolder) => Failed(runFolder) with
    {
        Status = "Succeeded",
        ExitCode = 0,
        ErrorSummary = null,
    };
}
