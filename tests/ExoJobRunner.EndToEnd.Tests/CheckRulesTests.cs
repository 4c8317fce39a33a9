using System.Text.Json;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// The rule catalogue through the real <c>exojobs</c>: findings where the user wrote the code, SARIF for code scanning,
/// <c>--warnaserror</c>, a run refused for an error finding, and the compiled-script cache that keeps Roslyn out of a
/// warm C# run.
/// </summary>
public sealed class CheckRulesTests
{
    private const string ColdRun = "roslyn loaded: True; powershell loaded: False";
    private const string WarmRun = "roslyn loaded: False; powershell loaded: False";

    [Theory]
    [InlineData("asks-for-input",  "jobs/lib/prompt.csx",       "(3,5): error EXO0001: Console.ReadLine",    3)]
    [InlineData("swallows",        "jobs/swallows.yaml",        "(3,37): error EXO0008: this catch-all",     3)]
    [InlineData("sleeps",          "jobs/sleeps.yaml",          "(3,3): warning EXO0004: Thread.Sleep",      0)]
    [InlineData("reads-mailboxes", "jobs/reads-mailboxes.yaml", "(4,16): warning EXO0009: Get-Mailbox",      0)]
    public async Task Check_ReportsRuleFinding_AtItsFileLineAndColumn(string job, string file, string expected, int exitCode)
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", job);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(workspace.PathOf(file) + expected, result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsNothing_ForAJobThatTurnsTheRuleOff()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "relaxed");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    [Fact]
    public async Task Check_FailsOnAWarning_WithWarnAsError()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "sleeps", "--warnaserror");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("sleeps.yaml(3,3): error EXO0004:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WritesASarifLog_WithRelativePathsAndRuleHelpLinks()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "--format", "sarif", "--output", "results.sarif");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(string.Empty, result.StandardOutput);
        using var log = JsonDocument.Parse(File.ReadAllText(workspace.PathOf("results.sarif")));
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.EndsWith("/docs/rules/EXO0001.md", rules.Single(rule => rule.GetProperty("id").GetString() == "EXO0001").GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        var results = run.GetProperty("results").EnumerateArray()
            .Select(entry => (
                Id: entry.GetProperty("ruleId").GetString(),
                Level: entry.GetProperty("level").GetString(),
                Uri: entry.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                Line: entry.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .OrderBy(entry => entry.Uri, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [("EXO0001", "error", "jobs/lib/prompt.csx", 3), ("EXO0009", "warning", "jobs/reads-mailboxes.yaml", 4), ("EXO0004", "warning", "jobs/sleeps.yaml", 3), ("EXO0008", "error", "jobs/swallows.yaml", 3)],
            results);
    }

    [Fact]
    public async Task Check_RefusesAnUnknownFormat_AsAUsageError()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "check", "--format", "xml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("xml", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RefusesABodyWithAnErrorFinding_WithoutRunningIt()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, IsolatedCache(workspace), "run", "asks-for-input");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("prompt.csx(3,5): error EXO0001", result.StandardOutput, StringComparison.Ordinal);
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/asks-for-input")));
        Assert.False(File.Exists(Path.Combine(runFolder, "ran.txt")), "a refused body must not run");
    }

    [Fact]
    public async Task Run_LogsTheWarnings_AndRunsTheBody()
    {
        using var workspace = Workspace.FromFixture("rules");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, IsolatedCache(workspace), "run", "sleeps");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("sleeps.yaml(3,3): warning EXO0004", result.StandardOutput, StringComparison.Ordinal);
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/sleeps")));
        Assert.True(File.Exists(Path.Combine(runFolder, "ran.txt")), "the body should have run");
    }

    [Fact]
    public async Task Run_LoadsNeitherRoslynNorPowerShell_WhenTheScriptComesFromTheCache()
    {
        using var workspace = Workspace.FromFixture("rules");
        var cache = IsolatedCache(workspace);

        var cold = await ExojobsProcess.RunAsync(workspace.Directory, cache, "run", "probe");
        var warm = await ExojobsProcess.RunAsync(workspace.Directory, cache, "run", "probe");

        Assert.True(cold.ExitCode == 0 && warm.ExitCode == 0, cold + "\n" + warm);
        Assert.Contains(ColdRun, cold.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(WarmRun, warm.StandardOutput, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(cache["EXOJOBS_CACHE_DIR"]!, "*.script"));
    }

    [Fact]
    public async Task Run_CompilesEveryTime_AndLeavesTheCacheAlone_WithNoCache()
    {
        using var workspace = Workspace.FromFixture("rules");
        var cache = IsolatedCache(workspace);

        var first = await ExojobsProcess.RunAsync(workspace.Directory, cache, "run", "probe", "--no-cache");
        var second = await ExojobsProcess.RunAsync(workspace.Directory, cache, "run", "probe", "--no-cache");

        Assert.Contains(ColdRun, first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(ColdRun, second.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cache["EXOJOBS_CACHE_DIR"]), "--no-cache must not write the cache");
    }

    [Fact]
    public async Task Run_ConcurrentProcessesCompilingTheSameScript_LeaveOneWholeEntry()
    {
        const int Processes = 3;
        using var workspace = Workspace.FromFixture("rules");
        var cache = IsolatedCache(workspace);

        // One job runs in one process at a time (the job lock), so each process runs a job of its own; all of them
        // share probe.csx, which is what the cache compiles.
        string[] jobs = ["probe", .. Enumerable.Range(1, Processes - 1).Select(twin => $"probe-{twin}")];
        foreach (var twin in jobs.Skip(1))
        {
            workspace.Write($"jobs/{twin}.yaml", "csx: probe.csx\n");
        }

        var results = await Task.WhenAll(jobs.Select(job => ExojobsProcess.RunAsync(workspace.Directory, cache, "run", job)));
        var afterwards = await ExojobsProcess.RunAsync(workspace.Directory, cache, "run", "probe");

        Assert.All(results, result => Assert.True(result.ExitCode == 0, result.ToString()));
        Assert.Single(Directory.GetFiles(cache["EXOJOBS_CACHE_DIR"]!));
        Assert.Contains(WarmRun, afterwards.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>A cache folder of the test's own, so no test sees another's entries (or the user's).</summary>
    private static Dictionary<string, string?> IsolatedCache(Workspace workspace) =>
        new() { ["EXOJOBS_CACHE_DIR"] = workspace.PathOf(".cache/scripts") };
}
