using System.Net;
using System.Net.Http.Json;
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
