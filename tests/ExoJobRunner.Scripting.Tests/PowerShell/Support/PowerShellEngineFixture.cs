using System.Management.Automation.Runspaces;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.PowerShell;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.PowerShell.Support;

/// <summary>
/// One real engine per test class (opening a runspace is the slow part), plus a scratch folder for body files
/// and run output folders.
/// </summary>
public sealed class PowerShellEngineFixture : IAsyncLifetime
{
    public const string JobName = "nightly-report";
    public const string RunId = "20250101-0200-0001";
    public const string HostFunctionName = "Get-ExoTestGreeting";
    public const string HostFunctionOutput = "hello from the host";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("exojobs-powershell-tests-");

    public PowerShellEngineFixture()
    {
        Engine = new PowerShellBodyEngine(CreateSessionStateFactory());
    }

    internal PowerShellBodyEngine Engine { get; }

    /// <summary>The session state every test engine uses: the defaults plus a host function and a host cmdlet.</summary>
    public static PowerShellSessionStateFactory CreateSessionStateFactory() =>
        new(
        [
            new SessionStateFunctionEntry(HostFunctionName, $"'{HostFunctionOutput}'"),
            new SessionStateCmdletEntry("Wait-UninterruptibleGate", typeof(WaitUninterruptibleGateCommand), helpFileName: null),
        ]);

    /// <summary>A body in its own folder: a .ps1 file, or an inline block in a job's YAML file.</summary>
    public JobBody Body(bool inline, string code, int lineOffset = 0, int columnOffset = 0)
    {
        var folder = NewFolder();
        if (inline)
        {
            var yamlPath = Path.Combine(folder, "job.yaml");
            File.WriteAllText(yamlPath, "powershell: |\n" + code);
            return new JobBody(BodyLanguage.PowerShell, code, yamlPath, IsInline: true, lineOffset, columnOffset);
        }

        var scriptPath = Path.Combine(folder, "body.ps1");
        File.WriteAllText(scriptPath, code);
        return new JobBody(BodyLanguage.PowerShell, code, scriptPath, IsInline: false, LineOffset: 0, ColumnOffset: 0);
    }

    public JobBody FileBody(string code) => Body(inline: false, code);

    public BodyRunRequest Request(ILogger log, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var job = new JobContext(JobName, RunId, parameters ?? new Dictionary<string, string>(), NewFolder());
        return new BodyRunRequest(job, log, Exchange: null);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        _scratch.Delete(recursive: true);
    }

    private string NewFolder() => _scratch.CreateSubdirectory(Guid.NewGuid().ToString("N")).FullName;
}
