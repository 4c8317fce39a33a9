using System.Text.Json;
using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Tests.Notifications.Support;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Tests.Shared;

namespace ExoJobRunner.Core.Tests.Notifications;

/// <summary>Webhooks sent by the real dispatcher to a real HTTP server on loopback: bodies, retries, secrets.</summary>
public sealed class WebhookDispatchTests : IDisposable
{
    private readonly NotificationDispatcher _dispatcher = new(TimeProvider.System, TimeSpan.FromSeconds(30), TimeSpan.Zero);
    private readonly RecordingLog _log = new();
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), "exojobs-notify-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => _dispatcher.Dispose();

    [Fact]
    public async Task Json_PostsEveryFieldOfTheRun()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var outcome = await SendAsync(Webhook(receiver.UrlOf("hooks/exojobs")), TestPayloads.Failed(_runFolder));

        Assert.Equal(new NotificationOutcome($"webhook {receiver.BaseUrl}…", Delivered: true, Attempts: 1, Problem: null), outcome);
        var request = Assert.Single(receiver.Received);
        Assert.Equal("/hooks/exojobs", request.PathAndQuery);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("exojobs", request.Headers["User-Agent"]);
        var json = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("mailbox-report", json.GetProperty("job").GetString());
        Assert.Equal("20260601-120000-4f1c2a", json.GetProperty("runId").GetString());
        Assert.Equal("Failed", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("exitCode").GetInt32());
        Assert.Equal("mailbox quota report failed: <ops@contoso.com> & 2 more", json.GetProperty("errorSummary").GetString());
        Assert.Equal("Schedule", json.GetProperty("trigger").GetString());
        Assert.Equal(1, json.GetProperty("attempt").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), json.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 2, 410, TimeSpan.Zero), json.GetProperty("endedAt").GetDateTimeOffset());
        Assert.Equal(2.41, json.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("2.41s", json.GetProperty("duration").GetString());
        Assert.Equal("ops-01", json.GetProperty("host").GetString());
        Assert.Equal(_runFolder, json.GetProperty("runFolder").GetString());
        Assert.Contains($"Notification (Failed) to webhook {receiver.BaseUrl}… delivered: HTTP 200", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_SendsANullErrorSummary_ForASucceededRun()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await SendAsync(Webhook(receiver.UrlOf("hook")), TestPayloads.Succeeded(_runFolder));

        var json = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement;
        Assert.Equal(("Succeeded", 0, JsonValueKind.Null), (json.GetProperty("status").GetString(), json.GetProperty("exitCode").GetInt32(), json.GetProperty("errorSummary").ValueKind));
    }

    [Fact]
    public async Task Teams_PostsAMessageWithAnAdaptiveCard()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await SendAsync(Webhook(receiver.UrlOf("workflows/trigger"), WebhookFormat.Teams), TestPayloads.Failed(_runFolder));

        var message = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement;
        Assert.Equal("message", message.GetProperty("type").GetString());
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToList();
        Assert.Equal("exojobs: job 'mailbox-report' Failed on ops-01 after 2.41s (exit code 1)", body[0].GetProperty("text").GetString());
        Assert.Equal("Attention", body[0].GetProperty("color").GetString());
        Assert.Equal("mailbox quota report failed: <ops@contoso.com> & 2 more", body[1].GetProperty("text").GetString());
        var facts = body[2].GetProperty("facts").EnumerateArray().ToDictionary(fact => fact.GetProperty("title").GetString()!, fact => fact.GetProperty("value").GetString());
        Assert.Equal("20260601-120000-4f1c2a", facts["Run id"]);
        Assert.Equal(_runFolder, facts["Run folder"]);
    }

    [Fact]
    public async Task Slack_PostsOnlyText_WithTheErrorQuoted_AndSlacksControlCharactersEscaped()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        await SendAsync(Webhook(receiver.UrlOf("services/T0/B0/x"), WebhookFormat.Slack), TestPayloads.Failed(_runFolder));

        var message = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement;
        Assert.Equal(["text"], message.EnumerateObject().Select(property => property.Name));
        Assert.Equal(
            "exojobs: job 'mailbox-report' Failed on ops-01 after 2.41s (exit code 1), run 20260601-120000-4f1c2a\n> mailbox quota report failed: &lt;ops@contoso.com&gt; &amp; 2 more",
            message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Send_RetriesOnce_AndSucceeds_WhenTheFirstAnswerIs500()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 200);

        var outcome = await SendAsync(Webhook(receiver.UrlOf("hook")), TestPayloads.Failed(_runFolder));

        Assert.Equal((true, 2), (outcome.Delivered, outcome.Attempts));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(receiver.Received[0].Body, receiver.Received[1].Body);
        Assert.Contains("failed: HTTP 500 Internal Server Error; trying once more in 0s", _log.Text, StringComparison.Ordinal);
        Assert.Contains("delivered: HTTP 200 on attempt 2", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_GivesUpAfterTheSecondFailure_AndReportsIt_WithoutThrowing()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 503, 200);

        var outcome = await SendAsync(Webhook(receiver.UrlOf("hook")), TestPayloads.Failed(_runFolder));

        Assert.Equal((false, 2, "HTTP 503 Service Unavailable"), (outcome.Delivered, outcome.Attempts, outcome.Problem));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Contains("failed again: HTTP 503 Service Unavailable; given up (the run stays Failed)", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_GivesUpOnAWebhookThatNeverAnswers_AfterTwoBoundedAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(WebhookReceiver.NoAnswer, WebhookReceiver.NoAnswer);
        using var impatient = new NotificationDispatcher(TimeProvider.System, TimeSpan.FromMilliseconds(300), TimeSpan.Zero);

        var outcomes = await impatient.SendAsync([Webhook(receiver.UrlOf("hook"))], TestPayloads.Failed(_runFolder), _log, CancellationToken.None);

        Assert.Equal((false, 2, "timed out after 0.3s"), (outcomes[0].Delivered, outcomes[0].Attempts, outcomes[0].Problem));
    }

    [Fact]
    public async Task Send_DoesNotFollowARedirect()
    {
        await using var receiver = await WebhookReceiver.StartAsync(302, 302);

        var outcome = await SendAsync(Webhook(receiver.UrlOf("hook")), TestPayloads.Failed(_runFolder));

        Assert.False(outcome.Delivered);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Contains("redirects are not followed", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ReadsTheUrlAndAnAuthorizationHeaderFromSecrets_AndNeverLogsThem()
    {
        await using var receiver = await WebhookReceiver.StartAsync(500, 200);
        var urlVariable = "EXOJOBS_TEST_URL_" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(_runFolder);
        var tokenFile = Path.Combine(_runFolder, "token");
        await File.WriteAllTextAsync(tokenFile, "Bearer t0ken-from-file\n");
        Environment.SetEnvironmentVariable(urlVariable, receiver.UrlOf("hooks/exojobs?sig=s3cret-signature").ToString());
        try
        {
            var target = new WebhookTarget(
                LiteralOrSecret.FromSecret(new SecretReference(urlVariable, null)),
                WebhookFormat.Json,
                [new WebhookHeader("Authorization", LiteralOrSecret.FromSecret(new SecretReference(null, tokenFile))), new WebhookHeader("X-Source", LiteralOrSecret.Literal("exojobs"))]);

            var outcome = await SendAsync(target, TestPayloads.Failed(_runFolder));

            Assert.True(outcome.Delivered, _log.Text);
            Assert.All(receiver.Received, request => Assert.Equal("/hooks/exojobs?sig=s3cret-signature", request.PathAndQuery));
            Assert.All(receiver.Received, request => Assert.Equal(("Bearer t0ken-from-file", "exojobs"), (request.Headers["Authorization"], request.Headers["X-Source"])));
            Assert.Equal($"webhook {receiver.BaseUrl}…", outcome.Target);
            Assert.DoesNotContain("s3cret", _log.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("t0ken", _log.Text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(urlVariable, null);
            Directory.Delete(_runFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Send_ReportsAnUnsetUrlVariable_WithoutTryingOrRetrying()
    {
        var variable = "EXOJOBS_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        var target = new WebhookTarget(LiteralOrSecret.FromSecret(new SecretReference(variable, null)), WebhookFormat.Json, []);

        var outcome = await SendAsync(target, TestPayloads.Failed(_runFolder));

        Assert.Equal(
            new NotificationOutcome($"webhook (URL from environment variable {variable})", Delivered: false, Attempts: 0, $"environment variable {variable} is not set"),
            outcome);
        Assert.Contains($"not sent: environment variable {variable} is not set", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ReportsAUrlFromASecretThatIsNotHttp_WithoutRepeatingIt()
    {
        var variable = "EXOJOBS_TEST_FTP_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "ftp://files.example.com/drop?key=s3cret");
        try
        {
            var outcome = await SendAsync(new WebhookTarget(LiteralOrSecret.FromSecret(new SecretReference(variable, null)), WebhookFormat.Json, []), TestPayloads.Failed(_runFolder));

            Assert.Equal((false, 0), (outcome.Delivered, outcome.Attempts));
            Assert.Equal($"the URL from environment variable {variable} is not an absolute http:// or https:// URL", outcome.Problem);
            Assert.DoesNotContain("s3cret", _log.Text, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Send_SendsToEveryTarget_EachWithItsOwnOutcome()
    {
        await using var healthy = await WebhookReceiver.StartAsync();
        await using var broken = await WebhookReceiver.StartAsync(500, 500);

        var outcomes = await _dispatcher.SendAsync(
            [Webhook(broken.UrlOf("a")), Webhook(healthy.UrlOf("b"), WebhookFormat.Slack)],
            TestPayloads.Failed(_runFolder),
            _log,
            CancellationToken.None);

        Assert.Equal([(false, 2), (true, 1)], outcomes.Select(outcome => (outcome.Delivered, outcome.Attempts)));
        Assert.Single(healthy.Received);
    }

    [Fact]
    public async Task Send_SendsNothing_WhenExojobsIsStopping()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        var outcomes = await _dispatcher.SendAsync([Webhook(receiver.UrlOf("hook"))], TestPayloads.Failed(_runFolder), _log, stopping.Token);

        Assert.Equal((false, 0, "exojobs is stopping"), (outcomes[0].Delivered, outcomes[0].Attempts, outcomes[0].Problem));
        Assert.Empty(receiver.Received);
    }

    private static WebhookTarget Webhook(Uri url, WebhookFormat format = WebhookFormat.Json) =>
        new(LiteralOrSecret.Literal(url.ToString()), format, []);

    private async Task<NotificationOutcome> SendAsync(NotificationTarget target, NotificationPayload payload) =>
        Assert.Single(await _dispatcher.SendAsync([target], payload, _log, CancellationToken.None));
}
