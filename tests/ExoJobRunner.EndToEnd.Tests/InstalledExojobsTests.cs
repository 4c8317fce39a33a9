using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// A smoke test of what users install: every verb, both body languages and every sample job of the repository, run by
/// the published <c>exojobs</c> and by the installed .NET tool (see <see cref="InstalledExojobs"/>). The rest of the
/// suite runs the build output, whose layout differs; an installation that cannot run the samples fails here.
/// </summary>
public sealed partial class InstalledExojobsTests(InstalledExojobs installed) : IClassFixture<InstalledExojobs>
{
    private static readonly string[] InstallationNames = ["published", "tool"];

    public static TheoryData<string> Installations => [.. InstallationNames];

    /// <summary>Each installation with each job the repository ships in <c>jobs/</c>.</summary>
    public static TheoryData<string, string> SampleJobs
    {
        get
        {
            var jobs = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "jobs"), "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
            var data = new TheoryData<string, string>();
            foreach (var installation in InstallationNames)
            {
                foreach (var job in jobs)
                {
                    data.Add(installation, job!);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SampleJobs))]
    public async Task Run_EverySampleJob_SucceedsAndWritesItsCsvReport(string installation, string job)
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await RunAsync(installation, workspace, "run", job);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(" ERROR ", result.StandardOutput, StringComparison.Ordinal);
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf($".exojobs/runs/{job}")));
        var report = Assert.Single(Directory.GetFiles(runFolder, "*.csv"));
        Assert.True(File.ReadLines(report).Skip(1).Any(), $"{report} has a header and no rows");
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task CheckListNextHistoryLogs_DescribeTheSamplesAndTheirRuns(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();

        var check = await RunAsync(installation, workspace, "check");
        var list = await RunAsync(installation, workspace, "list", "--json");
        var next = await RunAsync(installation, workspace, "next", "mailbox-report", "--count", "2", "--json");
        var run = await RunAsync(installation, workspace, "run", "mailbox-report");
        var history = await RunAsync(installation, workspace, "history", "--json");

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.True(list.ExitCode == 0, list.ToString());
        using (var jobs = JsonDocument.Parse(list.StandardOutput))
        {
            Assert.Equal(["mailbox-report", "shared-mailboxes"], jobs.RootElement.EnumerateArray().Select(job => job.GetProperty("name").GetString()).Order());
        }

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(2, JsonDocument.Parse(next.StandardOutput).RootElement.GetArrayLength());
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(history.ExitCode == 0, history.ToString());
        var runId = Assert.Single(JsonDocument.Parse(history.StandardOutput).RootElement.EnumerateArray()).GetProperty("runId").GetString()!;

        var logs = await RunAsync(installation, workspace, "logs", runId);

        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Contains($"Run {runId} of job 'mailbox-report' ended: Succeeded", logs.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task Doctor_OnTheShippedDefaultProfile_PassesEveryCheck(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await RunAsync(installation, workspace, "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[ok]   PowerShell host: PowerShell 7.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"All \d+ checks passed; exit code 0\.", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task Scheduler_RunsCSharpAndPowerShellJobsOnTheirSchedule_AndStopsOnSigterm(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();
        workspace.Write("jobs/csharp-heartbeat.yaml", "schedule: \"*/2 * * * * *\"\ncsharp: Log.LogInformation(\"beat from C#\");\n");
        workspace.Write("jobs/powershell-heartbeat.yaml", "schedule: \"*/2 * * * * *\"\npowershell: Write-Output \"beat from $($Job.Name)\" | Select-Object\n");
        using var scheduler = Installation(installation).Start(workspace.Directory, DataFolder(workspace), "scheduler");

        await scheduler.WaitForOutputAsync("of job 'csharp-heartbeat' ended: ");
        await scheduler.WaitForOutputAsync("of job 'powershell-heartbeat' ended: ");
        scheduler.Signal(PosixSignal.SIGTERM);
        var result = await scheduler.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("of job 'csharp-heartbeat' ended: Succeeded", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("of job 'powershell-heartbeat' ended: Succeeded", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(RunLogs(workspace, "csharp-heartbeat"), log => log.Contains("INFO  beat from C#", StringComparison.Ordinal));
        Assert.Contains(RunLogs(workspace, "powershell-heartbeat"), log => log.Contains("INFO  beat from powershell-heartbeat", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task Sandbox_ServesUntilCtrlC(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();
        using var sandbox = Installation(installation).Start(workspace.Directory, DataFolder(workspace), "sandbox", "--mailboxes", "20", "--out", "credential");

        await sandbox.WaitForOutputAsync("Press Ctrl+C to stop.");
        sandbox.Signal(PosixSignal.SIGINT);
        var result = await sandbox.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  standalone:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task CertNew_ThenCertShow_OnAProfileUsingIt(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();

        var created = await RunAsync(installation, workspace, "cert", "new", "--subject", "CN=exojobs-installed", "--out", "certs");
        Assert.True(created.ExitCode == 0, created.ToString());
        var certificate = CertificateLine().Match(created.StandardOutput).Groups[1].Value;
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace(
            "profiles:\n",
            $"profiles:\n  contoso:\n    appId: 00000000-0000-0000-0000-000000000001\n    organization: contoso.onmicrosoft.com\n    certificate: {certificate}\n",
            StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);

        var shown = await RunAsync(installation, workspace, "cert", "show", "contoso");

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("subject:      CN=exojobs-installed", shown.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Installations))]
    public async Task Install_PrintsServiceDefinitionsThatStartThisInstallation(string installation)
    {
        using var workspace = Workspace.FromRepositorySamples();
        var program = Installation(installation).Program;

        var systemd = await RunAsync(installation, workspace, "install", "systemd", "--print", "--run-as", "root");
        var task = await RunAsync(installation, workspace, "install", "task-scheduler", "--print");

        Assert.True(systemd.ExitCode == 0, systemd.ToString());
        Assert.Contains($"ExecStart={program} scheduler --config {workspace.PathOf("exojobs.yaml")}\n", systemd.StandardOutput, StringComparison.Ordinal);
        Assert.True(task.ExitCode == 0, task.ToString());
        XNamespace taskNamespace = "http://schemas.microsoft.com/windows/2004/02/mit/task";
        Assert.Equal(program, XDocument.Parse(task.StandardOutput).Descendants(taskNamespace + "Command").Single().Value);
    }

    [Fact]
    public void Pack_MakesAToolPackageCarryingTheReadmeAndTheProjectsMetadata()
    {
        var package = Assert.Single(Directory.GetFiles(installed.PackageFolder, "*.nupkg"));
        using var archive = ZipFile.OpenRead(package);
        var nuspecEntry = Assert.Single(archive.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = nuspecEntry.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(element => element.Name.LocalName == name).Value;

        Assert.Equal(InstalledExojobs.PackageId, Value("id"));
        Assert.Equal("ExoJobRunner contributors", Value("authors"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("exchange-online", Value("tags"), StringComparison.Ordinal);
        Assert.Equal("https://github.com/exojobs/exojobs", Value("projectUrl"));
        Assert.Equal("DotnetTool", metadata.Elements().Single(element => element.Name.LocalName == "packageTypes").Elements().Single().Attribute("name")!.Value);
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")), readme.ReadToEnd());
        Assert.NotNull(archive.GetEntry("tools/net10.0/any/exojobs.dll"));
    }

    [Fact]
    public void Publish_PutsPowerShellsModulesBesideSystemManagementAutomation()
    {
        var psHome = installed.PublishFolder;

        Assert.True(File.Exists(Path.Combine(psHome, "System.Management.Automation.dll")));
        foreach (var module in new[] { "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security", "Microsoft.PowerShell.Host" })
        {
            Assert.True(File.Exists(Path.Combine(psHome, "Modules", module, module + ".psd1")), module);
        }

        Assert.False(Directory.Exists(Path.Combine(psHome, "runtimes", "win", "lib")), "the other platform's modules are left out of a publish for one runtime");
    }

    [Fact]
    public async Task Run_PowerShellJob_Exits6AndIsRecordedFailed_WhenTheInstallationLacksPowerShellsModules()
    {
        using var workspace = Workspace.FromRepositorySamples();
        var broken = installed.WithoutPowerShellModules;

        var powerShell = await broken.RunAsync(workspace.Directory, DataFolder(workspace), "run", "shared-mailboxes");
        var csharp = await broken.RunAsync(workspace.Directory, DataFolder(workspace), "run", "mailbox-report");

        Assert.True(powerShell.ExitCode == 6, powerShell.ToString());
        Assert.Contains("this installation of exojobs is broken: PowerShell's built-in cmdlets Write-Output", powerShell.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ended: Failed", powerShell.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/shared-mailboxes"))), "*.csv"));
        Assert.True(csharp.ExitCode == 0, "C# bodies do not need PowerShell: " + csharp);
        var history = await HistoryRows.ReadAsync(workspace, "shared-mailboxes");
        Assert.Equal(("Failed", 6), (Assert.Single(history).Status, Assert.Single(history).ExitCode));
    }

    [Fact]
    public async Task Doctor_StopsAtThePowerShellHostStep_AndExits6_WhenTheInstallationLacksPowerShellsModules()
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await installed.WithoutPowerShellModules.RunAsync(workspace.Directory, DataFolder(workspace), "doctor");

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("[fail] PowerShell host: PowerShell's built-in cmdlets are missing: Write-Output", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    Fix:   Reinstall exojobs as the README's Install section says", result.StandardOutput);
        Assert.Contains("Stopped at 'PowerShell host'; exit code 6.", result.StandardOutput, StringComparison.Ordinal);
    }

    private ExojobsInstallation Installation(string name) => name switch
    {
        "published" => installed.Published,
        "tool" => installed.Tool,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "an installation the fixture makes"),
    };

    private Task<ExojobsResult> RunAsync(string installation, Workspace workspace, params string[] arguments) =>
        Installation(installation).RunAsync(workspace.Directory, DataFolder(workspace), arguments);

    private static IEnumerable<string> RunLogs(Workspace workspace, string job) =>
        Directory.GetDirectories(workspace.PathOf($".exojobs/runs/{job}")).Select(folder => File.ReadAllText(Path.Combine(folder, "run.log")));

    /// <summary>The in-process sandbox keeps its credential in the workspace, not in the user's data folder.</summary>
    private static Dictionary<string, string?> DataFolder(Workspace workspace) => new() { ["EXOJOBS_DATA_DIR"] = workspace.PathOf("data") };

    [GeneratedRegex("^    certificate: (.+)$", RegexOptions.Multiline)]
    private static partial Regex CertificateLine();
}
