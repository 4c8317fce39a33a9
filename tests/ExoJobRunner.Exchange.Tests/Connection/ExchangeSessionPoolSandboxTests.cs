using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using ExoJobRunner.Exchange.Tests.Support;
using ExoJobRunner.Sandbox.Credentials;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>The pool with <c>environment: Sandbox</c> profiles: a real in-process sandbox per profile, shared by every caller.</summary>
public sealed class ExchangeSessionPoolSandboxTests(SandboxDataFolderFixture dataFolder) : IClassFixture<SandboxDataFolderFixture>
{
    private readonly RecordingTimeProvider clock = new();

    [Fact]
    public async Task GetSession_StartsTheSandboxInProcess_AndConnectsWithItsStoredCredential()
    {
        await using var pool = CreatePool();

        var session = await pool.GetSessionAsync(SandboxProfile("offline", mailboxes: 30));

        Assert.Equal("offline", session.ProfileName);
        Assert.Equal(ExchangeEnvironment.Sandbox, session.Environment);
        Assert.Equal("sandbox.onmicrosoft.com", session.Organization);
        Assert.Empty(session.ConnectionWarnings);
        Assert.Equal(30, await CountAsync(session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" })));
        Assert.True(File.Exists(dataFolder.File(SandboxClientCredential.FileName)));
    }

    [Fact]
    public async Task GetSession_GivesConcurrentFirstCallers_OneSharedSession()
    {
        await using var pool = CreatePool();
        var settings = SandboxProfile("shared", mailboxes: 20);

        var sessions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => pool.GetSessionAsync(settings))));
        var later = await pool.GetSessionAsync(settings with { });

        Assert.All(sessions, session => Assert.Same(sessions[0], session));
        Assert.Same(sessions[0], later);
    }

    [Fact]
    public async Task GetSession_KeepsOneSessionPerProfile()
    {
        await using var pool = CreatePool();

        var small = await pool.GetSessionAsync(SandboxProfile("small", mailboxes: 5));
        var large = await pool.GetSessionAsync(SandboxProfile("large", mailboxes: 40));

        Assert.NotSame(small, large);
        Assert.Equal(5, await CountAsync(small.InvokeAsync("Get-Mailbox")));
        Assert.Equal(40, await CountAsync(large.InvokeAsync("Get-Mailbox")));
    }

    [Fact]
    public async Task GetSession_RefusesAProfileNameReusedWithOtherSettings()
    {
        await using var pool = CreatePool();
        await pool.GetSessionAsync(SandboxProfile("offline", mailboxes: 5));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.GetSessionAsync(SandboxProfile("offline", mailboxes: 6)));

        Assert.Contains("'offline'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("429:2", "the share '2' must be a number from 0 to 1")]
    [InlineData("explode:0.1", "unknown fault 'explode'")]
    public async Task GetSession_ReportsABadFaultSpec_NamingTheProfile(string faults, string expected)
    {
        await using var pool = CreatePool();

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() =>
            pool.GetSessionAsync(SandboxProfile("flaky", mailboxes: 5) with { SandboxOptions = new SandboxOptions(5, Faults: faults) }));

        Assert.StartsWith("Profile 'flaky': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSession_InjectsTheProfilesFaults_WhichTheClientRidesOut()
    {
        await using var pool = CreatePool();

        var session = await pool.GetSessionAsync(SandboxProfile("flaky", mailboxes: 5) with { SandboxOptions = new SandboxOptions(120, Faults: "503:0.3") });

        Assert.Equal(120, await CountAsync(session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" })));
        Assert.Contains(TimeSpan.FromSeconds(2), clock.Waits);
    }

    [Fact]
    public async Task DisposeAsync_EndsTheSessionsItHandedOut()
    {
        var pool = CreatePool();
        var session = await pool.GetSessionAsync(SandboxProfile("offline", mailboxes: 5));

        await pool.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => CountAsync(session.InvokeAsync("Get-Mailbox")));
    }

    private ExchangeSessionPool CreatePool() => new(new ExchangeSessionPoolOptions
    {
        Client = new ExchangeClientOptions { TimeProvider = clock, PageSize = 50 },
        SandboxDataFolder = dataFolder.Path,
    });

    private static ExchangeConnectionSettings SandboxProfile(string name, int mailboxes) =>
        new(name, ExchangeEnvironment.Sandbox, AppId: null, Organization: null, CertificateSource: null, new SandboxOptions(mailboxes));

    private static async Task<int> CountAsync(IAsyncEnumerable<ExchangeObject> results)
    {
        var count = 0;
        await foreach (var unused in results)
        {
            count++;
        }

        return count;
    }
}
