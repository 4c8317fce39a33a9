using System.Text.Json;
using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>history</c> and <c>list</c> fit the console (<c>COLUMNS</c>): no line wider than it, run ids and statuses whole,
/// columns left out and named instead; <c>--wide</c> shows them all. JSON output keeps text as written.
/// </summary>
public sealed partial class TableWidthTests
{
    private const string LongJob = "a-job-with-a-rather-long-name";

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public async Task History_FitsTheConsole_WithRunIdsAndStatusesWhole(int width)
    {
        using var workspace = await WorkspaceWithRunsAsync();
        var runs = await RunIdsAndStatusesAsync(workspace);

        var result = await ExojobsProcess.RunAsync(workspace.Directory, Columns(width), "history");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertFits(result.StandardOutput, width);
        foreach (var (runId, status) in runs)
        {
            Assert.Matches($@"(?m)^\s+{runId}\s.*\s{status}\s", result.StandardOutput);
        }

        Assert.Contains("Not shown at this width: Trigger, Scheduled", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("exojobs history --wide shows every column", Regex.Replace(result.StandardOutput, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_Wide_ShowsEveryColumn_WithTimesAndOffsets()
    {
        using var workspace = await WorkspaceWithRunsAsync();

        var result = await ExojobsProcess.RunAsync(workspace.Directory, Columns(80), "history", "--wide");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Run id\s+Job\s+Trigger\s+Scheduled\s+Started\s+Duration\s+Status\s+Exit\s+Summary", result.StandardOutput);
        Assert.Matches(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", result.StandardOutput);
        Assert.Contains("InvalidOperationException: the mailbox list ran out", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Not shown at this width", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(80, "Name Schedule Next")]
    [InlineData(120, "Name Body Schedule Time zone Next Enabled")]
    public async Task List_FitsTheConsole_DroppingTheLeastImportantColumns(int width, string headers)
    {
        using var workspace = Workspace.FromFixture("basic");
        workspace.Write($"jobs/{LongJob}.yaml", "schedule: \"0 6 * * 1\"\ncsharp: return;\n");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, Columns(width), "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertFits(result.StandardOutput, width);
        Assert.Matches($"(?m)^\\s+{string.Join(@"\s+", headers.Split(' '))}\\s*$", result.StandardOutput);
        Assert.Matches($@"(?m)^\s+{LongJob}\s.*\s0 6 \* \* 1\s.*\s\d{{4}}-\d\d-\d\dT06:00:00\+0[12]:00\s", result.StandardOutput);
    }

    [Fact]
    public async Task List_Json_WritesPlusAndApostropheAsThemselves()
    {
        using var workspace = Workspace.FromFixture("basic");
        workspace.Write("jobs/quarterly.yaml", "description: \"Sales + O'Brien's <team> & co\"\ncsharp: return;\n");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"description\": \"Sales + O'Brien's <team> & co\"", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", result.StandardOutput, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Columns(int width) => new() { ["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static void AssertFits(string output, int width)
    {
        foreach (var line in output.Split('\n'))
        {
            Assert.True(line.TrimEnd('\r').Length <= width, $"a line is {line.Length} characters wide, more than {width}:\n{output}");
        }
    }

    private static async Task<Workspace> WorkspaceWithRunsAsync()
    {
        var workspace = Workspace.FromFixture("scheduler");
        workspace.Write($"jobs/{LongJob}.yaml", "csharp: throw new InvalidOperationException(\"the mailbox list ran out before the end of the report\");\n");
        foreach (var job in new[] { "on-demand", LongJob, "on-demand" })
        {
            await ExojobsProcess.RunAsync(workspace.Directory, "run", job);
        }

        return workspace;
    }

    private static async Task<List<(string RunId, string Status)>> RunIdsAndStatusesAsync(Workspace workspace)
    {
        var json = await ExojobsProcess.RunAsync(workspace.Directory, "history", "--json");
        using var document = JsonDocument.Parse(json.StandardOutput);
        var runs = document.RootElement.EnumerateArray()
            .Select(row => (row.GetProperty("runId").GetString()!, row.GetProperty("status").GetString()!))
            .ToList();
        Assert.Equal(3, runs.Count);
        Assert.Contains(runs, run => run.Item2 == "Failed");
        Assert.All(runs, run => Assert.Matches(RunIdPattern(), run.Item1));
        return runs;
    }

    [GeneratedRegex(@"^\d{8}-\d{6}-[0-9a-f]{6}$")]
    private static partial Regex RunIdPattern();
}
