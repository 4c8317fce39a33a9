using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// Errors end runs: a PowerShell body stops at its first error unless the job says <c>errorAction: continue</c> (then it
/// ends CompletedWithErrors, exit 7), an enumeration that fails in the middle fails the run in both languages, and a
/// body's own <c>exit N</c> / <c>return N</c> is the run's exit code unless N is one of exojobs' own.
/// </summary>
public sealed class ErrorsEndRunsTests(ErrorsEndRunsTests.RefusingSandbox refusing) : IClassFixture<ErrorsEndRunsTests.RefusingSandbox>
{
    [Theory]
    //          job                              exit  status                 in the output                                                                                         notified
    [InlineData("misspelled-parameter",          1,    "Failed",              "A parameter cannot be found that matches parameter name 'Ofice'",                                   "onFailure")]
    [InlineData("misspelled-command",            1,    "Failed",              "The term 'Set-Mailbx' is not recognized",                                                          "onFailure")]
    [InlineData("continues-past-errors",         7,    "CompletedWithErrors", "completed with errors: the body wrote 1 error record(s) and went on; the first: Get-Mailbox failed", "onFailure")]
    [InlineData("continues-reported-as-success", 7,    "CompletedWithErrors", "couldn't be found",                                                                                 "onSuccess")]
    [InlineData("exits-42",                      42,   "Failed",              "the script exited with code 42",                                                                    "onFailure")]
    [InlineData("returns-42",                    42,   "Failed",              "the script returned 42",                                                                            "onFailure")]
    [InlineData("exits-reserved",                1,    "Failed",              "exit code 5 is exojobs' own (a failed connection to Exchange Online), so the run exits with 1",   "onFailure")]
    [InlineData("returns-reserved",              1,    "Failed",              "exit code 2 is exojobs' own (a usage or configuration error), so the run exits with 1",           "onFailure")]
    public async Task Run_EndsWithTheDocumentedStatusAndExitCode_AndNotifiesAccordingly(string job, int exitCode, string status, string expectedOutput, string notified)
    {
        using var workspace = Workspace.FromFixture("errors");

        var result = await RunAsync(workspace, "run", job);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expectedOutput, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"ended: {status} in ", result.StandardOutput, StringComparison.Ordinal);
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, job));
        Assert.Equal((status, exitCode), (row.Status, row.ExitCode));
        Assert.Equal($"{notified} {status} {exitCode}", File.ReadAllText(Path.Combine(row.OutputDirectory!, "notified.txt")).Trim());
        if (status == "Failed" && job.StartsWith("misspelled", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("INFO  after", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("enumeration-fails-powershell")]
    [InlineData("enumeration-fails-csharp")]
    public async Task Run_Fails_WhenAnEnumerationFailsInTheMiddle(string job)
    {
        using var workspace = Workspace.FromFixture("errors");

        var result = await RunAsync(workspace, "run", job);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Get-Mailbox failed", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("enumerated", result.StandardOutput, StringComparison.Ordinal);
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, job));
        Assert.Equal("Failed", row.Status);
        var enumerated = int.Parse(File.ReadAllText(Path.Combine(row.OutputDirectory!, "count.txt")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(enumerated, 1, 399);
    }

    [Fact]
    public async Task SharedMailboxesSample_RefusedByExchange_EndsFailed_WithoutAReport()
    {
        using var workspace = Workspace.FromRepositorySamples();
        workspace.Write(
            "exojobs.yaml",
            File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profiles:\n", "profiles:\n" + refusing.Sandbox.ProfileYaml, StringComparison.Ordinal));

        var result = await ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = refusing.Sandbox.DataDirectory },
            "run",
            "shared-mailboxes",
            "--profile",
            "standalone");

        Assert.True(result.ExitCode is not 0, result.ToString());
        Assert.Contains("ended: Failed", result.StandardOutput, StringComparison.Ordinal);
        var row = Assert.Single(await HistoryRows.ReadAsync(workspace, "shared-mailboxes"));
        Assert.Equal("Failed", row.Status);
        Assert.Empty(Directory.GetFiles(row.OutputDirectory!, "*.csv"));
    }

    private static Task<ExojobsResult> RunAsync(Workspace workspace, params string[] arguments) =>
        ExojobsProcess.RunAsync(workspace.Directory, new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = workspace.PathOf("data") }, arguments);

    /// <summary>A standalone sandbox whose app has no role Exchange Online supports: every cmdlet is refused.</summary>
    public sealed class RefusingSandbox : IAsyncLifetime
    {
        private StandaloneSandbox? _sandbox;

        public StandaloneSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("the sandbox starts in InitializeAsync");

        public async Task InitializeAsync() => _sandbox = await StandaloneSandbox.StartAsync("--role", "None");

        public async Task DisposeAsync()
        {
            if (_sandbox is not null)
            {
                await _sandbox.DisposeAsync();
            }
        }
    }
}
