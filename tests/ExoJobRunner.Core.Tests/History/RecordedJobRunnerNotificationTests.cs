using System.Text.Json;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Running.Logging;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Core.Tests.Notifications.Support;
using ExoJobRunner.Core.Tests.Scheduling.Support;
using ExoJobRunner.Tests.Shared;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>Real runs whose outcome is sent to a real webhook: once, after the last attempt, never changing the run.</summary>
public sealed class RecordedJobRunnerNotificationTests
{
    [Fact]
    public async Task Run_KeepsItsStatusAndExitCode_WhenEveryNotificationFails()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync(500, 500);
        var job = Notifying(TestJobs.OnDemand("quota", """throw new InvalidOperationException("mailbox quota report failed");"""), onFailure: receiver);

        var result = await fixture.RunAsync(job);

        Assert.Equal((RunStatus.Failed, ExitCodes.JobFailed), (result.Status, result.ExitCode));
        var row = Assert.Single(await fixture.RowsAsync());
        Assert.Equal((RunStatus.Failed, ExitCodes.JobFailed), (row.Status, row.ExitCode));
        Assert.Equal(2, receiver.Received.Count);
        var log = await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, RunLog.FileName));
        Assert.Contains("failed again: HTTP 500 Internal Server Error; given up (the run stays Failed)", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SendsTheFailure_WithTheRunsIdAndErrorSummary_ToOnFailureOnly()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        await using var failures = await WebhookReceiver.StartAsync();
        await using var successes = await WebhookReceiver.StartAsync();
        var job = Notifying(TestJobs.OnDemand("quota", """throw new InvalidOperationException("mailbox quota report failed");"""), failures, successes);

        var result = await fixture.RunAsync(job);

        Assert.Empty(successes.Received);
        var payload = JsonDocument.Parse(Assert.Single(failures.Received).Body).RootElement;
        Assert.Equal(result.RunId, payload.GetProperty("runId").GetString());
        Assert.Equal("Failed", payload.GetProperty("status").GetString());
        Assert.Equal("InvalidOperationException: mailbox quota report failed", payload.GetProperty("errorSummary").GetString());
        Assert.Equal(result.ErrorSummary, payload.GetProperty("errorSummary").GetString());
        Assert.Equal(result.OutputDirectory, payload.GetProperty("runFolder").GetString());
        Assert.Equal(Environment.MachineName, payload.GetProperty("host").GetString());
        var log = await File.ReadAllTextAsync(Path.Combine(result.OutputDirectory, RunLog.FileName));
        Assert.Contains($"Notification (Failed) to webhook {failures.BaseUrl}… delivered: HTTP 200", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SendsASuccess_ToOnSuccessOnly()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        await using var failures = await WebhookReceiver.StartAsync();
        await using var successes = await WebhookReceiver.StartAsync();
        var job = Notifying(TestJobs.OnDemand("report", """Log.LogInformation("done");"""), failures, successes);

        await fixture.RunAsync(job);

        Assert.Empty(failures.Received);
        var payload = JsonDocument.Parse(Assert.Single(successes.Received).Body).RootElement;
        Assert.Equal(("Succeeded", JsonValueKind.Null), (payload.GetProperty("status").GetString(), payload.GetProperty("errorSummary").ValueKind));
    }

    [Fact]
    public async Task Run_NotifiesOnce_AfterTheLastAttempt_WhenRetried()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var job = Notifying(
            TestJobs.OnDemand("sync", """throw new System.Net.Http.HttpRequestException("connection reset by peer");""", new RetryPolicy(1, TimeSpan.FromSeconds(30))),
            onFailure: receiver);

        var result = await fixture.RunAsync(job);

        var rows = await fixture.RowsAsync();
        Assert.Equal(2, rows.Count);
        var payload = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement;
        Assert.Equal((rows[1].RunId, result.RunId), (payload.GetProperty("runId").GetString(), payload.GetProperty("runId").GetString()));
        Assert.Equal(("Retry", 2), (payload.GetProperty("trigger").GetString(), payload.GetProperty("attempt").GetInt32()));
        Assert.DoesNotContain("Notification", await File.ReadAllTextAsync(Path.Combine(rows[0].OutputDirectory!, RunLog.FileName)), StringComparison.Ordinal);
    }

    private static Jobs.JobDefinition Notifying(Jobs.JobDefinition job, WebhookReceiver? onFailure = null, WebhookReceiver? onSuccess = null) =>
        job with { Notifications = new JobNotifications(Targets(onFailure), Targets(onSuccess)) };

    private static NotificationTarget[] Targets(WebhookReceiver? receiver) =>
        receiver is null ? [] : [new WebhookTarget(LiteralOrSecret.Literal(receiver.UrlOf("hook").ToString()), WebhookFormat.Json, [])];
}
