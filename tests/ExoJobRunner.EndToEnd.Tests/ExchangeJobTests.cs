using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary><c>exojobs run</c> of jobs that use Exchange Online, against the sandbox the profile starts in-process.</summary>
public sealed class ExchangeJobTests
{
    [Fact]
    public async Task SampleJob_FromTheReadme_WritesOneCsvRowPerSeededMailbox()
    {
        using var workspace = Workspace.FromRepositorySamples();

        var result = await RunAsync(workspace, "run", "mailbox-report");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/mailbox-report")));
        var rows = File.ReadAllLines(Path.Combine(runFolder, "mailbox-sizes.csv"));
        Assert.Equal("DisplayName,UserPrincipalName,RecipientTypeDetails,ItemCount,TotalItemSize", rows[0]);
        Assert.Equal(250, rows.Length - 1);
        Assert.Matches(@"^[^,]+,[^,]+@sandbox\.example,\w+,\d+,""[\d.]+ [KMG]?B \([\d,]+ bytes\)""$", rows[1]);
    }

    [Fact]
    public async Task PowerShellSampleJob_SeesTheSameSharedMailboxes_AsTheCSharpSample()
    {
        using var workspace = Workspace.FromRepositorySamples();

        var powerShell = await RunAsync(workspace, "run", "shared-mailboxes");
        var csharp = await RunAsync(workspace, "run", "mailbox-report");

        Assert.True(powerShell.ExitCode == 0, powerShell.ToString());
        Assert.True(csharp.ExitCode == 0, csharp.ToString());
        var report = Directory.GetFiles(workspace.PathOf(".exojobs/runs/mailbox-report"), "mailbox-sizes.csv", SearchOption.AllDirectories).Single();
        var sharedInReport = File.ReadAllLines(report).Count(row => row.Split(',')[2] == "SharedMailbox");
        Assert.True(sharedInReport > 0, "the seeded tenant has shared mailboxes");
        Assert.Contains($"{sharedInReport} shared mailboxes, ", powerShell.StandardOutput, StringComparison.Ordinal);
        var access = Directory.GetFiles(workspace.PathOf(".exojobs/runs/shared-mailboxes"), "shared-mailbox-access.csv", SearchOption.AllDirectories).Single();
        Assert.Equal("\"Identity\",\"User\",\"AccessRights\"", File.ReadLines(access).First());
    }

    [Fact]
    public async Task CountJob_SeesExactlyTheSeededTenant()
    {
        using var workspace = Workspace.FromFixture("exchange");

        var result = await RunAsync(workspace, "run", "count-mailboxes");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Counted 120 mailboxes, 120 distinct", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountJob_Enumerates10000Mailboxes_UnderInjected429And503Faults_WithNothingLostOrDuplicated()
    {
        using var workspace = Workspace.FromFixture("exchange");

        var result = await RunAsync(workspace, "run", "count-mailboxes", "--profile", "large-faulty");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Counted 10000 mailboxes, 10000 distinct", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrite_IsVisibleToALaterRead()
    {
        using var workspace = Workspace.FromFixture("exchange");

        var result = await RunAsync(workspace, "run", "set-then-read", "--param", "office=Harbour House");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Office of \S+ is now 'Harbour House'", result.StandardOutput);
    }

    [Fact]
    public async Task AnExchangeError_FailsTheRun_WithExchangesMessageAndTheRequestId()
    {
        using var workspace = Workspace.FromFixture("exchange");

        var result = await RunAsync(workspace, "run", "unknown-mailbox");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("couldn't be found", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Get-Mailbox", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches("(?i)request[- ]id", result.StandardOutput);
    }

    private static Task<ExojobsResult> RunAsync(Workspace workspace, params string[] arguments) =>
        ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = workspace.PathOf("data") },
            arguments);
}
