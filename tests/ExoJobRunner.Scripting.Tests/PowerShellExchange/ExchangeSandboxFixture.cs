using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Scripting.PowerShell;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests.PowerShellExchange;

/// <summary>
/// The engine as the CLI builds it (Exchange commands included) and real sessions on in-process sandbox tenants,
/// connected through the session pool exactly as a job's profile is: MSAL, HTTPS on loopback, the REST client.
/// </summary>
public sealed class ExchangeSandboxFixture : IAsyncLifetime
{
    public const int Mailboxes = 30;
    public const string ProfileName = "sandbox";
    public const string JobName = "exchange-report";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("exojobs-powershell-exchange-tests-");
    private ExchangeSessionPool? _pool;

    internal PowerShellBodyEngine Engine { get; } = new();

    /// <summary>A tenant that answers normally.</summary>
    public ExchangeSession Session { get; private set; } = null!;

    /// <summary>A tenant that holds every cmdlet request for ten minutes: a call to it only ends when it is stopped.</summary>
    public ExchangeSession StalledSession { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All(_scratch.CreateSubdirectory("sandbox").FullName) });
        Session = await _pool.GetSessionAsync(new ExchangeConnectionSettings(
            ProfileName, ExchangeEnvironment.Sandbox, AppId: null, Organization: null, CertificateSource: null, new SandboxOptions(Mailboxes, Seed: 5)));
        StalledSession = await _pool.GetSessionAsync(new ExchangeConnectionSettings(
            "stalled", ExchangeEnvironment.Sandbox, AppId: null, Organization: null, CertificateSource: null, new SandboxOptions(5, Seed: 5, Faults: "slow:1:10m")));
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }

        _scratch.Delete(recursive: true);
    }

    public JobBody Body(string code)
    {
        var path = Path.Combine(NewFolder(), "body.ps1");
        File.WriteAllText(path, code);
        return new JobBody(BodyLanguage.PowerShell, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0);
    }

    public BodyRunRequest Request(RecordingLogger log, ExchangeSession? exchange) =>
        new(new JobContext(JobName, "20250101-0200-0001", new Dictionary<string, string>(), NewFolder()), log, exchange);

    /// <summary>Runs a body on the answering tenant.</summary>
    public async Task<(BodyOutcome Outcome, RecordingLogger Log)> RunAsync(string code, bool withProfile = true)
    {
        var log = new RecordingLogger();
        var outcome = await Engine.RunAsync(Body(code), Request(log, withProfile ? Session : null), CancellationToken.None);
        return (outcome, log);
    }

    private string NewFolder() => _scratch.CreateSubdirectory(Guid.NewGuid().ToString("N")).FullName;
}
