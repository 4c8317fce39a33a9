using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;
using ExoJobRunner.Tests.Shared;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// The real <c>exojobs</c> sending its notifications to a real HTTP listener started by the test, the webhook URL
/// (a token in its query string) passed the way a user keeps a secret: in an environment variable.
/// </summary>
public sealed class NotificationTests
{
    private const string UrlVariable = "EXOJOBS_TEST_WEBHOOK_URL";

    private readonly string _token = "tok-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Run_PostsTheFailure_ToTheWebhookFromTheEnvironment_AndWritesItsUrlNowhere()
    {
        using var workspace = Workspace.FromFixture("notify");
        await using var listener = await WebhookReceiver.StartAsync();

        var result = await RunAsync(workspace, listener, "fails");

        Assert.True(result.ExitCode == 1, result.ToString());
        var request = Assert.Single(listener.Received);
        Assert.Equal($"/hooks/exojobs?token={_token}", request.PathAndQuery);
        var payload = JsonDocument.Parse(request.Body).RootElement;
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, "fails"));
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/fails")));
        Assert.Equal("fails", payload.GetProperty("job").GetString());
        Assert.Equal(row.RunId, payload.GetProperty("runId").GetString());
        Assert.Equal(Path.GetFileName(runFolder), payload.GetProperty("runId").GetString());
        Assert.Equal("Failed", payload.GetProperty("status").GetString());
        Assert.Equal("Failed", row.Status);
        Assert.Equal(1, payload.GetProperty("exitCode").GetInt32());
        Assert.Equal(row.ErrorSummary, payload.GetProperty("errorSummary").GetString());
        Assert.Contains("mailbox quota report failed", payload.GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        Assert.True(payload.GetProperty("durationSeconds").GetDouble() >= 0);
        Assert.EndsWith("s", payload.GetProperty("duration").GetString(), StringComparison.Ordinal);
        Assert.Equal(Environment.MachineName, payload.GetProperty("host").GetString());
        Assert.Equal(runFolder, payload.GetProperty("runFolder").GetString());
        Assert.Equal("Manual", payload.GetProperty("trigger").GetString());

        var delivered = $"Notification (Failed) to webhook {listener.BaseUrl}… delivered: HTTP 200";
        Assert.Contains(delivered, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(delivered, await File.ReadAllTextAsync(Path.Combine(runFolder, "run.log")), StringComparison.Ordinal);
        AssertTokenAppearsNowhere(workspace, result);
    }

    [Fact]
    public async Task Run_PostsTheSuccess_InSlacksFormat_ToOnSuccessOnly()
    {
        using var workspace = Workspace.FromFixture("notify");
        await using var listener = await WebhookReceiver.StartAsync();

        var result = await RunAsync(workspace, listener, "succeeds");

        Assert.True(result.ExitCode == 0, result.ToString());
        var message = JsonDocument.Parse(Assert.Single(listener.Received).Body).RootElement;
        var runId = Assert.Single(await HistoryRows.ReadAsync(workspace, "succeeds")).RunId;
        Assert.StartsWith($"exojobs: job 'succeeds' Succeeded on {Environment.MachineName} after ", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($", run {runId}", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        AssertTokenAppearsNowhere(workspace, result);
    }

    [Theory]
    [InlineData("fails",    1, "Failed")]
    [InlineData("succeeds", 0, "Succeeded")]
    public async Task Run_KeepsTheJobsExitCodeAndStatus_WhenTheWebhookFailsTwice(string job, int exitCode, string status)
    {
        using var workspace = Workspace.FromFixture("notify");
        await using var listener = await WebhookReceiver.StartAsync(500, 503);

        var result = await RunAsync(workspace, listener, job);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Equal(2, listener.Received.Count);
        Assert.Contains("failed: HTTP 500 Internal Server Error; trying once more in 2s", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"failed again: HTTP 503 Service Unavailable; given up (the run stays {status})", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Run {Assert.Single(await HistoryRows.ReadAsync(workspace, job)).RunId}: {status}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(status, Assert.Single(await HistoryRows.ReadAsync(workspace, job)).Status);
        AssertTokenAppearsNowhere(workspace, result);
    }

    [Fact]
    public async Task Run_LogsThatTheUrlVariableIsNotSet_AndStillExitsWithTheJobsCode()
    {
        using var workspace = Workspace.FromFixture("notify");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, new Dictionary<string, string?> { [UrlVariable] = null }, "run", "fails");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(
            $"Notification (Failed) to webhook (URL from environment variable {UrlVariable}) not sent: environment variable {UrlVariable} is not set",
            result.StandardOutput,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_PostsTheFailureOfAScheduledRun()
    {
        using var workspace = Workspace.FromFixture("notify");
        await using var listener = await WebhookReceiver.StartAsync();
        using var scheduler = ExojobsProcess.Start(workspace.Directory, EnvironmentFor(listener), "scheduler");

        var request = (await listener.WaitForAsync(1))[0];
        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var payload = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(("scheduled-fails", "Failed", "Schedule"), (payload.GetProperty("job").GetString(), payload.GetProperty("status").GetString(), payload.GetProperty("trigger").GetString()));
        Assert.Contains("scheduled sync failed", payload.GetProperty("errorSummary").GetString(), StringComparison.Ordinal);
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, "scheduled-fails"), row => row.RunId == payload.GetProperty("runId").GetString());
        Assert.Equal("Failed", row.Status);
        AssertTokenAppearsNowhere(workspace, result);
    }

    private Task<ExojobsResult> RunAsync(Workspace workspace, WebhookReceiver listener, string job) =>
        ExojobsProcess.RunAsync(workspace.Directory, EnvironmentFor(listener), "run", job);

    private Dictionary<string, string?> EnvironmentFor(WebhookReceiver listener) =>
        new() { [UrlVariable] = listener.UrlOf($"hooks/exojobs?token={_token}").ToString() };

    /// <summary>The token is the secret part of the URL: not in the output, not in any file exojobs wrote (logs, history).</summary>
    private void AssertTokenAppearsNowhere(Workspace workspace, ExojobsResult result)
    {
        Assert.DoesNotContain(_token, result.AllOutput, StringComparison.Ordinal);
        var token = Encoding.UTF8.GetBytes(_token);
        foreach (var file in Directory.EnumerateFiles(workspace.Directory, "*", SearchOption.AllDirectories))
        {
            Assert.True(File.ReadAllBytes(file).AsSpan().IndexOf(token) < 0, $"the webhook URL's token was written to {file}");
        }
    }
}
