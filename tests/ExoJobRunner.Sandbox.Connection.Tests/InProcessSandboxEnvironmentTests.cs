using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using ExoJobRunner.Sandbox.Credentials;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Sandbox.Connection.Tests;

/// <summary>
/// <c>environment: Sandbox</c> profiles without a url, through the session pool as the host wires it: a real sandbox
/// started in this process per profile, signing in with the credential kept in the data folder.
/// </summary>
public sealed class InProcessSandboxEnvironmentTests : IDisposable
{
    private readonly DirectoryInfo dataFolder = Directory.CreateTempSubdirectory("exojobs-sandbox-connection-tests-");
    private readonly ListLogger log = new();

    public void Dispose() => dataFolder.Delete(recursive: true);

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
        Assert.True(File.Exists(Path.Combine(dataFolder.FullName, SandboxClientCredential.FileName)));
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

        Assert.Equal(120, await CountAsync(session.ForRun(log).InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" })));
        Assert.Contains(log.Warnings, warning => warning.Contains("HTTP 503 (Service Unavailable) from Exchange Online; retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSession_ReportsAnUnwritableDataFolder_WithTheFix()
    {
        var blocked = Path.Combine(dataFolder.FullName, "a-file");
        await File.WriteAllTextAsync(blocked, "not a folder");
        await using var pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All(blocked) });

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => pool.GetSessionAsync(SandboxProfile("offline", mailboxes: 5)));

        Assert.StartsWith("Profile 'offline': the sandbox's client certificate cannot be kept in", error.Message, StringComparison.Ordinal);
        Assert.Equal("Make the folder writable, or set EXOJOBS_DATA_DIR to a folder that is.", error.Fix);
    }

    private ExchangeSessionPool CreatePool() => new(new ExchangeSessionPoolOptions
    {
        Client = new ExchangeClientOptions { PageSize = 50, Retry = new ExchangeRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1) } },
        Environments = SandboxEnvironments.All(dataFolder.FullName),
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
