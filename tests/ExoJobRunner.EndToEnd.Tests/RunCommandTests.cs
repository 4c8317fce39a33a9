using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs run</c> on the fixture jobs: every documented exit code the runner produces by itself.</summary>
public sealed class RunCommandTests
{
    [Theory]
    [InlineData("hello-csharp",                 0, "Hello, world! from run")]
    [InlineData("hello-powershell",             0, "Hello, world!")]
    [InlineData("throws-csharp",                1, "mailbox quota report failed")]
    [InlineData("returns-nonzero",              1, "returned 2")]
    [InlineData("throws-powershell",            1, "distribution group sync failed")]
    [InlineData("no-exchange",                  1, "has no Exchange profile")]
    [InlineData("timeout-cooperative",          4, "timed out after 2s")]
    [InlineData("timeout-ignores-cancellation", 4, "was abandoned")]
    [InlineData("timeout-powershell",           4, "timed out after 2s")]
    public async Task Run_ExitsWithTheDocumentedCode(string job, int exitCode, string expectedOutput)
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", job);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expectedOutput, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello-csharp")]
    [InlineData("hello-powershell")]
    public async Task Run_KeepsTheLogAndOutputsInThePerRunFolder(string job)
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", job, "--param", "who=Contoso");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf($".exojobs/runs/{job}")));
        Assert.Equal("Hello, Contoso!", File.ReadAllText(Path.Combine(runFolder, "greeting.txt")).Trim());
        var log = File.ReadAllText(Path.Combine(runFolder, "run.log"));
        Assert.Contains("Hello, Contoso!", log, StringComparison.Ordinal);
        Assert.Contains($"Run {Path.GetFileName(runFolder)} of job '{job}' ended: Succeeded", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LogsPowerShellWarningsAtWarningLevel()
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", "hello-powershell");

        Assert.Matches(@"WARN\s+this is a warning from hello-powershell", result.StandardOutput);
    }

    [Theory]
    [InlineData("Exits2_WhenTheJobIsUnknown",           "no job named 'nope'", "run", "nope")]
    [InlineData("Exits2_WhenAParameterIsNotDeclared",   "has no parameter 'whom'", "run", "hello-csharp", "--param", "whom=x")]
    [InlineData("Exits2_WhenAParameterHasNoValue",      "--param expects name=value", "run", "hello-csharp", "--param", "who")]
    [InlineData("Exits2_WhenTheProfileIsUnknown",       "no profile named 'prod'", "run", "hello-csharp", "--profile", "prod")]
    [InlineData("Exits2_WhenAnOptionIsUnknown",         "--frobnicate", "run", "hello-csharp", "--frobnicate")]
    [InlineData("Exits2_WhenTheJobArgumentIsMissing",   "Run 'exojobs --help'", "run")]
    public async Task Run_RejectsUsageErrors(string spec, string expectedError, params string[] arguments)
    {
        using var workspace = Workspace.FromFixture("basic");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, arguments);

        Assert.True(result.ExitCode == 2, spec + ": " + result);
        Assert.Contains(expectedError, result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf(".exojobs/runs")), "nothing may run on a usage error");
    }

    [Fact]
    public async Task Run_Exits3_WhenTheBodyDoesNotCompile_AndRunsNothing()
    {
        using var workspace = Workspace.FromFixture("broken");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", "broken-inline");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("broken-inline.yaml(5,14): error CS0029", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("count 1", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Exits130_WhenInterrupted_AndRecordsTheRunAsCanceled()
    {
        using var workspace = Workspace.FromFixture("basic");
        using var process = ExojobsProcess.Start(workspace.Directory, environment: null, "run", "waits-for-interrupt");
        await process.WaitForOutputAsync("waiting for Ctrl+C");

        process.Signal(System.Runtime.InteropServices.PosixSignal.SIGINT);
        var result = await process.WaitAsync();

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("ended: Canceled", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FindsTheConfiguration_ThroughTheConfigOptionAndTheEnvironment()
    {
        using var workspace = Workspace.FromFixture("basic");
        var elsewhere = Path.GetTempPath();

        var byOption = await ExojobsProcess.RunAsync(elsewhere, "run", "hello-csharp", "--config", workspace.PathOf("exojobs.yaml"));
        var byEnvironment = await ExojobsProcess.RunAsync(
            elsewhere,
            new Dictionary<string, string?> { ["EXOJOBS_CONFIG"] = workspace.PathOf("exojobs.yaml") },
            "run",
            "hello-csharp");

        Assert.True(byOption.ExitCode == 0, byOption.ToString());
        Assert.True(byEnvironment.ExitCode == 0, byEnvironment.ToString());
        Assert.Equal(2, Directory.GetDirectories(workspace.PathOf(".exojobs/runs/hello-csharp")).Length);
    }

    [Fact]
    public async Task Run_Exits2_WhenThereIsNoConfigurationFile()
    {
        using var workspace = Workspace.FromFixture("basic");
        File.Delete(workspace.PathOf("exojobs.yaml"));

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", "hello-csharp");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("exojobs.yaml", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--config", result.StandardError, StringComparison.Ordinal);
    }
}
