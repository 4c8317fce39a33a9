using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Core.Tests.Notifications;

/// <summary>What a notification says about a run, and how little of an error it repeats.</summary>
public sealed class NotificationPayloadTests
{
    [Fact]
    public void Of_TakesTheRunsFields_AndStatusNamesAsHistoryWritesThem()
    {
        var result = new RunResult
        {
            RunId = "20260601-120000-4f1c2a",
            JobName = "mailbox-report",
            Status = RunStatus.TimedOut,
            ExitCode = ExitCodes.TimedOut,
            StartedAt = new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            EndedAt = new DateTimeOffset(2026, 6, 1, 14, 15, 0, 250, TimeSpan.FromHours(2)),
            ErrorSummary = "timed out after 15m",
            OutputDirectory = "/srv/exo/.exojobs/runs/mailbox-report/20260601-120000-4f1c2a",
        };

        var payload = NotificationPayload.Of(result, RunTrigger.Retry, attempt: 2, host: "ops-01");

        Assert.Equal(
            new NotificationPayload
            {
                Job = "mailbox-report",
                RunId = "20260601-120000-4f1c2a",
                Status = "TimedOut",
                ExitCode = 4,
                ErrorSummary = "timed out after 15m",
                Trigger = "Retry",
                Attempt = 2,
                StartedAt = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero),
                EndedAt = new DateTimeOffset(2026, 6, 1, 12, 15, 0, 250, TimeSpan.Zero),
                DurationSeconds = 900.25,
                Duration = "15m",
                Host = "ops-01",
                RunFolder = "/srv/exo/.exojobs/runs/mailbox-report/20260601-120000-4f1c2a",
            },
            payload);
        Assert.Equal(TimeSpan.Zero, payload.StartedAt.Offset);
    }

    [Theory]
    [InlineData(null,                                                       null)]
    [InlineData("",                                                         null)]
    [InlineData("mailbox 'x' not found",                                    "mailbox 'x' not found")]
    [InlineData("Get-Mailbox failed\n   at Script.<Main>()\n   at Runner", "Get-Mailbox failed")]
    [InlineData("\r\n  \r\nthe first line with text\r\nsecond",            "the first line with text")]
    public void Summarize_KeepsTheFirstLineOnly(string? errorSummary, string? expected)
    {
        Assert.Equal(expected, NotificationPayload.Summarize(errorSummary));
    }

    [Fact]
    public void Summarize_CutsALongLine_WithAnEllipsis()
    {
        var summary = NotificationPayload.Summarize(new string('x', 2000))!;

        Assert.Equal(NotificationPayload.MaxErrorSummaryLength, summary.Length);
        Assert.EndsWith("x…", summary, StringComparison.Ordinal);
    }
}
