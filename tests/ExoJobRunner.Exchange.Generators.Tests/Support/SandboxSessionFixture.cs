using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox.Connection;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>
/// A real session on an in-process sandbox tenant, connected through the session pool as a job's profile is, and a
/// scratch folder for job bodies.
/// </summary>
public sealed class SandboxSessionFixture : IAsyncLifetime
{
    public const int Mailboxes = 20;

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("exojobs-typed-api-tests-");
    private ExchangeSessionPool? _pool;

    public ExchangeSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All(_scratch.CreateSubdirectory("sandbox").FullName) });
        Session = await _pool.GetSessionAsync(new ExchangeConnectionSettings(
            "sandbox", ExchangeEnvironment.Sandbox, AppId: null, Organization: null, CertificateSource: null, new SandboxOptions(Mailboxes, Seed: 3)));
    }

    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync();
        }

        _scratch.Delete(recursive: true);
    }

    /// <summary>A .csx body written to its own folder, as a job's file body is.</summary>
    public JobBody CSharpBody(string code)
    {
        var path = Path.Combine(NewFolder(), "job.csx");
        File.WriteAllText(path, code);
        return new JobBody(BodyLanguage.CSharp, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0);
    }

    public BodyRunRequest Request(CollectingLogger log) =>
        new(new JobContext("typed-report", "20250101-0300-0001", new Dictionary<string, string>(), NewFolder()), log, Session);

    private string NewFolder() => _scratch.CreateSubdirectory(Guid.NewGuid().ToString("N")).FullName;
}
