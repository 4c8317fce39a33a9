using System.Net;
using System.Net.Http.Json;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace ExoJobRunner.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Throttling_IsAnswered429_WithRetryAfter()
    {
        await using var sandbox = await OwnSandbox.StartAsync("429:1:3s");

        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-Mailbox");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Message.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", response.ErrorCode);
    }

    [Fact]
    public async Task Unavailability_IsAnswered503()
    {
        await using var sandbox = await OwnSandbox.StartAsync("503:1");

        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-Mailbox");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal("ServiceUnavailable", response.ErrorCode);
    }

    [Fact]
    public async Task DroppedConnection_CutsTheBodyAfterTheHeaders()
    {
        await using var sandbox = await OwnSandbox.StartAsync("drop:1");
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Server.InvokeCommandUri)
        {
            Content = JsonContent.Create(new { CmdletInput = new { CmdletName = "Get-Mailbox", Parameters = new { ResultSize = "Unlimited" } } }),
        };
        request.Headers.Authorization = new("Bearer", await sandbox.TokenAsync());

        using var response = await sandbox.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentLength > 0);
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync());
        Assert.IsAssignableFrom<IOException>(failure.InnerException);
    }

    [Fact]
    public async Task SlowResponse_ArrivesOnlyAfterItsDelayHasPassed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync("slow:1:2s", clock);
        var token = await sandbox.TokenAsync();
        var step = TimeSpan.FromMilliseconds(250);
        var advanced = TimeSpan.Zero;

        var pending = sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");
        while (await Task.WhenAny(pending, Task.Delay(50)) != pending)
        {
            clock.Advance(step);
            advanced += step;
        }

        Assert.Equal(HttpStatusCode.OK, (await pending).Status);
        Assert.True(advanced >= TimeSpan.FromSeconds(2), $"answered after only {advanced} of sandbox time");
    }

    [Fact]
    public async Task TokenRevocation_RefusesThePresentedToken()
    {
        await using var sandbox = await OwnSandbox.StartAsync("revoke:1");

        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-Mailbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Contains("error=\"invalid_token\"", response.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal("The access token has been revoked.", response.ErrorMessage);
    }

    [Fact]
    public async Task RevokeIssuedTokens_RefusesEarlierTokens_ButNotNewOnes()
    {
        await using var sandbox = await OwnSandbox.StartAsync();
        var earlier = await sandbox.TokenAsync();
        var before = await sandbox.Client.InvokeAsync(earlier, "Get-OrganizationConfig");

        sandbox.Server.RevokeIssuedTokens();
        var after = await sandbox.Client.InvokeAsync(earlier, "Get-OrganizationConfig");
        var renewed = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-OrganizationConfig");

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
    }

    [Theory]
    //          spec                       status  code                    x-ExceptionType          Retry-After
    [InlineData("429-no-retry-after:1",    429,    "TooManyRequests",      null,                    null)]
    [InlineData("429:1:7s",                429,    "TooManyRequests",      null,                    7)]
    [InlineData("500:1",                   500,    "InternalServerError",  "ADTransientException",  null)]
    [InlineData("503:1",                   503,    "ServiceUnavailable",   null,                    null)]
    public async Task StatusFault_IsAnsweredInExchangesErrorShape_WithItsHeaders(string spec, int status, string code, string? exceptionType, int? retryAfter)
    {
        await using var sandbox = await OwnSandbox.StartAsync(spec);

        var response = await sandbox.Client.InvokeAsync(await sandbox.TokenAsync(), "Get-Mailbox");

        Assert.Equal(status, (int)response.Status);
        Assert.Equal(code, response.ErrorCode);
        Assert.Equal(exceptionType, response.Header("x-ExceptionType"));
        Assert.Equal(retryAfter, (int?)response.Message.Headers.RetryAfter?.Delta?.TotalSeconds);
        Assert.False(string.IsNullOrEmpty(response.Header("request-id")));
        Assert.Equal(1, sandbox.Server.Activity.InjectedFaults.Values.Sum());
    }

    [Theory]
    [InlineData("502:1", HttpStatusCode.BadGateway)]
    [InlineData("504:1", HttpStatusCode.GatewayTimeout)]
    public async Task GatewayFault_IsAnHtmlPage_NotExchangesJson(string spec, HttpStatusCode status)
    {
        await using var sandbox = await OwnSandbox.StartAsync(spec);
        using var request = InvokeRequest(sandbox, await sandbox.TokenAsync());

        using var response = await sandbox.Client.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetBeforeHeaders_FailsTheRequestWithoutAnyResponse()
    {
        await using var sandbox = await OwnSandbox.StartAsync("reset:1");
        using var request = InvokeRequest(sandbox, await sandbox.TokenAsync());

        await Assert.ThrowsAsync<HttpRequestException>(() => sandbox.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));

        Assert.Equal(1, sandbox.Server.Activity.InjectedFaults[SandboxFaultKind.ResetBeforeHeaders]);
    }

    [Fact]
    public async Task StalledBody_SendsHalfThePage_ThenNothingUntilItsDurationHasPassed_ThenResets()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync("stall:1:5m", clock);
        using var request = InvokeRequest(sandbox, await sandbox.TokenAsync());
        using var response = await sandbox.Client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var length = (int)response.Content.Headers.ContentLength!.Value;
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[length];

        var received = 0;
        while (received < length / 2)
        {
            received += await body.ReadAsync(buffer.AsMemory(received));
        }

        var rest = body.ReadAsync(buffer.AsMemory(received)).AsTask();
        await Task.Delay(200);
        var pendingBeforeTheStallEnded = !rest.IsCompleted;
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length / 2, received);
        Assert.True(pendingBeforeTheStallEnded, "the rest of the body arrived although the stall had not ended");
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => rest);
        Assert.True(failure is IOException or HttpRequestException, failure.ToString());
    }

    [Fact]
    public async Task Budget_RefusesRequestsOverItWith429UntilTheWindowEnds_CountingEveryClientOfTheTenant()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync("budget:3/10s", clock);
        using var otherClient = new SandboxClient(sandbox.Server);
        var first = await sandbox.TokenAsync();
        var second = await otherClient.GetTokenAsync(sandbox.Certificate, sandbox.Server.AppId, clock.GetUtcNow());

        var served = new[]
        {
            (await sandbox.Client.InvokeAsync(first, "Get-OrganizationConfig")).Status,
            (await otherClient.InvokeAsync(second, "Get-OrganizationConfig")).Status,
            (await sandbox.Client.InvokeAsync(first, "Get-OrganizationConfig")).Status,
        };
        clock.Advance(TimeSpan.FromSeconds(4));
        var overFromFirst = await sandbox.Client.InvokeAsync(first, "Get-OrganizationConfig");
        var overFromSecond = await otherClient.InvokeAsync(second, "Get-OrganizationConfig");
        clock.Advance(TimeSpan.FromSeconds(6));
        var nextWindow = await otherClient.InvokeAsync(second, "Get-OrganizationConfig");

        Assert.All(served, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, overFromFirst.Status);
        Assert.Equal(TimeSpan.FromSeconds(6), overFromFirst.Message.Headers.RetryAfter?.Delta);
        Assert.Equal("TooManyRequests", overFromFirst.ErrorCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, overFromSecond.Status);
        Assert.Equal(HttpStatusCode.OK, nextWindow.Status);
        Assert.Equal(2, sandbox.Server.Activity.BudgetRefusals);
        Assert.Equal(6, sandbox.Server.Activity.AdminApiRequests);
    }

    [Fact]
    public async Task TokenLifetime_IsWhatTheSpecSays_AndAnExpiredTokenIsRefusedPastTheSkew()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync("token:30s", clock);
        var form = sandbox.Client.TokenForm(sandbox.Server.AppId, sandbox.Client.Assertion(sandbox.Certificate, sandbox.Server.AppId, clock.GetUtcNow()).Build());
        using var tokenResponse = await sandbox.Client.RequestTokenAsync(form);
        var body = await tokenResponse.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var token = body.GetProperty("access_token").GetString()!;

        var fresh = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");
        clock.Advance(TimeSpan.FromSeconds(29) + TimeSpan.FromMinutes(5));
        var withinSkew = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");
        clock.Advance(TimeSpan.FromSeconds(2));
        var expired = await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig");

        Assert.Equal(30, body.GetProperty("expires_in").GetInt32());
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.OK, withinSkew.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("error=\"invalid_token\"", expired.Header("WWW-Authenticate"), StringComparison.Ordinal);
        Assert.Equal("The access token has expired.", expired.ErrorMessage);
        Assert.Equal(1, sandbox.Server.Activity.ExpiredTokenRefusals);
    }

    /// <summary>
    /// A client that keeps its token until Exchange refuses it: the token expires between two pages, the next page is
    /// refused as expired, and the same next link with a new token continues where the enumeration stopped.
    /// </summary>
    [Fact]
    public async Task Enumeration_CrossesATokenExpiry_AndContinuesWithANewToken_LosingAndRepeatingNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OwnSandbox.StartAsync("token:30s", clock);
        var clean = await sandbox.Client.AllPagesAsync(await sandbox.TokenAsync(), "Get-Mailbox", new { ResultSize = "Unlimited" }, maxPageSize: 10);
        var expected = clean.SelectMany(page => page.Value).Select(mailbox => mailbox.GetProperty("Guid").GetString()).ToList();

        var token = await sandbox.TokenAsync();
        var received = new List<string?>();
        var refusedPages = 0;
        string? next = null;
        do
        {
            var page = await sandbox.Client.InvokeAsync(token, "Get-Mailbox", new { ResultSize = "Unlimited" }, maxPageSize: 10, url: next);
            if (page.Status == HttpStatusCode.Unauthorized && page.ErrorMessage == "The access token has expired.")
            {
                refusedPages++;
                token = await sandbox.TokenAsync();
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, page.Status);
            received.AddRange(page.Value.Select(mailbox => mailbox.GetProperty("Guid").GetString()));
            next = page.NextLink;
            clock.Advance(TimeSpan.FromMinutes(3));
        }
        while (next is not null);

        Assert.Equal(50, expected.Count);
        Assert.Equal(expected, received);
        Assert.Equal(2, refusedPages);
        Assert.Equal(refusedPages, sandbox.Server.Activity.ExpiredTokenRefusals);
    }

    [Fact]
    public async Task FaultShares_MixFaultsWithAnswers_TheSameWayForTheSameSeed()
    {
        var first = await StatusesAsync(seed: 5);
        var second = await StatusesAsync(seed: 5);

        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Equal(first, second);
    }

    private static HttpRequestMessage InvokeRequest(OwnSandbox sandbox, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Server.InvokeCommandUri)
        {
            Content = JsonContent.Create(new { CmdletInput = new { CmdletName = "Get-Mailbox", Parameters = new { ResultSize = "Unlimited" } } }),
        };
        request.Headers.Authorization = new("Bearer", token);
        return request;
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(int seed)
    {
        await using var sandbox = await OwnSandbox.StartAsync("503:0.3,429:0.3", seed: seed);
        var token = await sandbox.TokenAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await sandbox.Client.InvokeAsync(token, "Get-OrganizationConfig")).Status);
        }

        return statuses;
    }
}
