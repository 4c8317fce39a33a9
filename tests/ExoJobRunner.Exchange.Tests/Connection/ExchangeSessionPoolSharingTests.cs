using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using ExoJobRunner.Exchange.Tests.Support;
using ExoJobRunner.Sandbox.Connection;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// How the pool shares sessions, one per profile for every caller, shown with <c>environment: Sandbox</c> profiles: a real
/// in-process sandbox per profile, connected through the backend the host registers.
/// </summary>
public sealed class ExchangeSessionPoolSharingTests(SandboxDataFolderFixture dataFolder) : IClassFixture<SandboxDataFolderFixture>
{
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
        Client = new ExchangeClientOptions { PageSize = 50 },
        Environments = SandboxEnvironments.All(dataFolder.Path),
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
