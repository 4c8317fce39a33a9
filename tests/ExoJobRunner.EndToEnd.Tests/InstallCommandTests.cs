using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs install</c>: the systemd unit and the Task Scheduler tasks, as written and as printed. Every task is read
/// back with an XML parser as schtasks would read the file, and every unit is checked by <c>systemd-analyze verify</c>
/// where systemd is installed.
/// </summary>
public sealed partial class InstallCommandTests
{
    private static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private static readonly string[] SystemdAnalyzeLocations = ["/usr/bin/systemd-analyze", "/bin/systemd-analyze"];

    [Fact]
    public async Task InstallSystemd_Print_ShowsAHardenedNotifyUnitRunningTheSchedulerForThisConfiguration()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "systemd", "--print", "--run-as", "root");

        Assert.True(result.ExitCode == 0, result.ToString());
        var unit = result.StandardOutput;
        Assert.Contains("Type=notify", unit, StringComparison.Ordinal);
        Assert.Matches($@"ExecStart=\S+exojobs scheduler --config {workspace.PathOf("exojobs.yaml")}\n", unit);
        Assert.Contains("RestartPreventExitStatus=2 6\n", unit, StringComparison.Ordinal);
        Assert.Contains("WantedBy=multi-user.target", unit, StringComparison.Ordinal);
        Assert.Contains("User=root\n", unit, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivileges=yes\n", unit, StringComparison.Ordinal);
        Assert.Contains("ProtectSystem=strict\n", unit, StringComparison.Ordinal);
        Assert.Contains($"ReadWritePaths={workspace.PathOf(".exojobs")}\n", unit, StringComparison.Ordinal);
        Assert.Contains("PrivateTmp=yes\n", unit, StringComparison.Ordinal);
        Assert.Contains("Environment=EXOJOBS_CACHE_DIR=%C/exojobs\n", unit, StringComparison.Ordinal);
        Assert.Contains(workspace.Directory.StartsWith("/home/", StringComparison.Ordinal) ? "ProtectHome=read-only\n" : "ProtectHome=yes\n", unit, StringComparison.Ordinal);
        AssertEveryDirectiveIsExplained(unit);
        await AssertSystemdAcceptsAsync(unit, workspace);
    }

    [Fact]
    public async Task InstallSystemd_Print_IsRatedBetterThanAnUnhardenedUnit_BySystemdAnalyzeSecurity()
    {
        using var workspace = Workspace.FromFixture("install");
        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "systemd", "--print", "--run-as", "root");
        Assert.True(result.ExitCode == 0, result.ToString());
        var unhardened = string.Join('\n', result.StandardOutput.Split('\n').TakeWhile(line => !line.StartsWith("# Sandboxing", StringComparison.Ordinal)))
            + "\n[Install]\nWantedBy=multi-user.target\n";

        if (await SystemdAnalyzeAsync(workspace, result.StandardOutput, "security", "--offline=yes") is not { } hardened)
        {
            return;
        }

        var plain = await SystemdAnalyzeAsync(workspace, unhardened, "security", "--offline=yes");
        Assert.True(Exposure(hardened) < 3.0m, hardened);
        Assert.True(Exposure(plain!) > 9.0m, plain);
    }

    [Fact]
    public async Task InstallSystemd_UnderSudo_RunsTheServiceAsTheAccountThatRanSudo()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["SUDO_USER"] = "exo-admin" },
            "install",
            "systemd",
            "--print");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("User=exo-admin\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallSystemd_WithoutSudo_RunsAsTheCaller_AndNeverAsRootUnlessNamed()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["SUDO_USER"] = null },
            "install",
            "systemd",
            "--print");

        if (Environment.IsPrivilegedProcess)
        {
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("the scheduler would run as root", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("--run-as root", result.StandardError, StringComparison.Ordinal);
            Assert.Empty(result.StandardOutput);
        }
        else
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains($"User={Environment.UserName}\n", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InstallSystemd_User_WritesTheUnitIntoTheUsersSystemdFolder()
    {
        using var workspace = Workspace.FromFixture("install");
        var configHome = workspace.PathOf("config-home");

        var result = await ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = configHome },
            "install",
            "systemd",
            "--user");

        Assert.True(result.ExitCode == 0, result.ToString());
        var unit = await File.ReadAllTextAsync(Path.Combine(configHome, "systemd", "user", "exojobs.service"));
        Assert.Contains("WantedBy=default.target", unit, StringComparison.Ordinal);
        Assert.DoesNotContain("User=", unit, StringComparison.Ordinal);
        Assert.Contains("NoNewPrivileges=yes\n", unit, StringComparison.Ordinal);
        Assert.Contains("systemctl --user enable --now exojobs.service", result.StandardOutput, StringComparison.Ordinal);
        AssertEveryDirectiveIsExplained(unit);
        await AssertSystemdAcceptsAsync(unit, workspace);
    }

    [Fact]
    public async Task InstallTaskScheduler_WritesTheSchedulerTask_AndOneTaskPerJobThatNeverOverlaps_AsUtf16Files()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "task-scheduler");

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = workspace.PathOf(".exojobs/task-scheduler");
        Assert.Equal(
            ["exojobs-job-at-second-15.xml", "exojobs-job-every-15m.xml", "exojobs-job-weekday-report.xml", "exojobs-scheduler.xml"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var documents = Directory.GetFiles(folder).ToDictionary(path => Path.GetFileName(path), path => ParseAsSchtasksWould(File.ReadAllBytes(path), "utf-16"));

        var scheduler = documents["exojobs-scheduler.xml"];
        Assert.NotNull(scheduler.Descendants(Task + "BootTrigger").SingleOrDefault());
        Assert.Equal($"scheduler --config {workspace.PathOf("exojobs.yaml")}", scheduler.Descendants(Task + "Arguments").Single().Value);

        var weekdays = documents["exojobs-job-weekday-report.xml"];
        Assert.Equal("IgnoreNew", weekdays.Descendants(Task + "MultipleInstancesPolicy").Single().Value);
        Assert.Equal($"run weekday-report --config {workspace.PathOf("exojobs.yaml")}", weekdays.Descendants(Task + "Arguments").Single().Value);
        Assert.Equal("2026-01-01T06:30:00", weekdays.Descendants(Task + "StartBoundary").Single().Value);
        Assert.Equal(
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            weekdays.Descendants(Task + "DaysOfWeek").Single().Elements().Select(day => day.Name.LocalName));

        var every15 = documents["exojobs-job-every-15m.xml"];
        Assert.Equal("PT15M", every15.Descendants(Task + "Interval").Single().Value);
        Assert.Equal("false", every15.Descendants(Task + "StartWhenAvailable").Single().Value);

        Assert.Empty(documents["exojobs-job-at-second-15.xml"].Descendants(Task + "Triggers").Single().Elements());
        Assert.Contains("job 'at-second-15' ('15 * * * * *'): Task Scheduler cannot start tasks at a given second", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(@"schtasks /create /tn ""exojobs\scheduler""", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null,             "scheduler --config")]
    [InlineData("weekday-report", "run weekday-report --config")]
    [InlineData("every-15m",      "run every-15m --config")]
    public async Task InstallTaskScheduler_Print_RedirectedToAFile_IsOneTaskFileSchtasksTakes(string? job, string arguments)
    {
        // A folder name outside ASCII: the printed bytes must still be what the declaration says.
        using var workspace = Workspace.FromFixture("install");
        var configuration = Path.Combine(workspace.Directory, "Zürich büro", "exojobs.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(configuration)!);
        File.Move(workspace.PathOf("exojobs.yaml"), configuration);
        Directory.Move(workspace.PathOf("jobs"), Path.Combine(Path.GetDirectoryName(configuration)!, "jobs"));

        var result = await ExojobsProcess.RunAsync(
            workspace.Directory,
            ["install", "task-scheduler", "--print", "--config", configuration, .. job is null ? Array.Empty<string>() : ["--job", job]]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var bytes = Encoding.UTF8.GetBytes(result.StandardOutput);
        Assert.All(bytes, value => Assert.True(value < 0x80, "the printed task is ASCII"));
        var task = ParseAsSchtasksWould(bytes, "utf-8");
        Assert.Equal($"{arguments} \"{configuration}\"", task.Descendants(Task + "Arguments").Single().Value);
        Assert.False(Directory.Exists(workspace.PathOf(".exojobs/task-scheduler")), "--print writes no file");
    }

    [Fact]
    public async Task InstallTaskScheduler_Print_Exits2_ForAJobWithoutASchedule()
    {
        using var workspace = Workspace.FromFixture("install");
        workspace.Write("jobs/on-demand.yaml", "csharp: return;\n");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "task-scheduler", "--print", "--job", "on-demand");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("there is no schedule on job 'on-demand'", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Parses the bytes as a file (encoding from its byte order mark and declaration), requiring the declared encoding.</summary>
    private static XDocument ParseAsSchtasksWould(byte[] bytes, string declaredEncoding)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var document = XDocument.Load(reader);
        Assert.Equal(declaredEncoding, document.Declaration?.Encoding, ignoreCase: true);
        Assert.Equal(Task + "Task", document.Root!.Name);
        Assert.Empty(document.Nodes().OfType<XComment>());
        return document;
    }

    /// <summary>Every directive of the unit's [Service] section is one of a group of lines headed by a comment.</summary>
    private static void AssertEveryDirectiveIsExplained(string unit)
    {
        var service = unit[unit.IndexOf("[Service]", StringComparison.Ordinal)..unit.IndexOf("[Install]", StringComparison.Ordinal)];
        var headed = false;
        foreach (var line in service.Split('\n').Skip(1))
        {
            if (line.StartsWith('#'))
            {
                headed = true;
            }
            else if (line.Length == 0)
            {
                headed = false;
            }
            else
            {
                Assert.True(headed, $"'{line}' has no comment saying why");
            }
        }
    }

    private static async Task AssertSystemdAcceptsAsync(string unit, Workspace workspace)
    {
        if (await SystemdAnalyzeAsync(workspace, unit, "verify") is { } output)
        {
            Assert.DoesNotContain("exojobs.service:", output, StringComparison.Ordinal);
        }
    }

    /// <summary>Runs systemd-analyze on the unit written to a file; null where systemd is not installed.</summary>
    private static async Task<string?> SystemdAnalyzeAsync(Workspace workspace, string unit, params string[] arguments)
    {
        var program = SystemdAnalyzeLocations.FirstOrDefault(File.Exists);
        if (program is null)
        {
            return null;
        }

        // The unit's ReadWritePaths must exist, as 'install systemd' makes sure they do.
        Directory.CreateDirectory(workspace.PathOf(".exojobs"));
        var path = workspace.PathOf("analyze/exojobs.service");
        workspace.Write("analyze/exojobs.service", unit);
        var startInfo = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Append(path))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"systemd-analyze {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{error}\n{unit}");
        return await output + error;
    }

    private static decimal Exposure(string securityReport) =>
        decimal.Parse(ExposureLine().Match(securityReport).Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d)")]
    private static partial Regex ExposureLine();
}
