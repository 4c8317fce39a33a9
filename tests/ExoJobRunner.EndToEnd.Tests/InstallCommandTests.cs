using System.Xml.Linq;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs install</c>: the systemd unit and the Task Scheduler tasks, as written and as printed.</summary>
public sealed class InstallCommandTests
{
    private static readonly XNamespace Task = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    [Fact]
    public async Task InstallSystemd_Print_ShowsANotifyUnitRunningTheSchedulerForThisConfiguration()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "systemd", "--print");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Type=notify", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches($@"ExecStart=\S+exojobs scheduler --config {workspace.PathOf("exojobs.yaml")}\n", result.StandardOutput);
        Assert.Contains("RestartPreventExitStatus=2", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("WantedBy=multi-user.target", result.StandardOutput, StringComparison.Ordinal);
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
        Assert.Contains("systemctl --user enable --now exojobs.service", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallTaskScheduler_WritesTheSchedulerTask_AndOneTaskPerJobThatNeverOverlaps()
    {
        using var workspace = Workspace.FromFixture("install");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "install", "task-scheduler");

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = workspace.PathOf(".exojobs/task-scheduler");
        var scheduler = XDocument.Load(Path.Combine(folder, "exojobs-scheduler.xml"));
        Assert.NotNull(scheduler.Descendants(Task + "BootTrigger").SingleOrDefault());
        Assert.Equal($"scheduler --config {workspace.PathOf("exojobs.yaml")}", scheduler.Descendants(Task + "Arguments").Single().Value);

        var weekdays = XDocument.Load(Path.Combine(folder, "exojobs-job-weekday-report.xml"));
        Assert.Equal("IgnoreNew", weekdays.Descendants(Task + "MultipleInstancesPolicy").Single().Value);
        Assert.Equal($"run weekday-report --config {workspace.PathOf("exojobs.yaml")}", weekdays.Descendants(Task + "Arguments").Single().Value);
        Assert.Equal("2026-01-01T06:30:00", weekdays.Descendants(Task + "StartBoundary").Single().Value);
        Assert.Equal(
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
            weekdays.Descendants(Task + "DaysOfWeek").Single().Elements().Select(day => day.Name.LocalName));

        var every15 = XDocument.Load(Path.Combine(folder, "exojobs-job-every-15m.xml"));
        Assert.Equal("PT15M", every15.Descendants(Task + "Interval").Single().Value);
        Assert.Equal("false", every15.Descendants(Task + "StartWhenAvailable").Single().Value);

        Assert.Empty(XDocument.Load(Path.Combine(folder, "exojobs-job-at-second-15.xml")).Descendants(Task + "Triggers").Single().Elements());
        Assert.Contains("job 'at-second-15' ('15 * * * * *'): Task Scheduler cannot start tasks at a given second", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(@"schtasks /create /tn ""exojobs\scheduler""", result.StandardOutput, StringComparison.Ordinal);
    }
}
