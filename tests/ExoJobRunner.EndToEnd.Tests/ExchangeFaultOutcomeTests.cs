using System.Text.RegularExpressions;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// How a run ends when Exchange refuses the app, and when the connection goes silent in the middle of a result: the real
/// <c>exojobs run</c> against a real <c>exojobs sandbox</c>.
/// </summary>
public sealed partial class ExchangeFaultOutcomeTests
{
    private const string EnumerationJob = """
        description: Counts every mailbox, once each.
        csharp: |
          var identities = new HashSet<string>();
          var count = 0;
          await foreach (var mailbox in Exo.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }, CancellationToken))
          {
              count++;
              identities.Add(mailbox.Get<string>("Identity"));
          }

          Log.LogInformation("Enumerated {Count} mailboxes, {Distinct} distinct", count, identities.Count);
        """;

    [Theory]
    [InlineData("--role", "None")]
    [InlineData("--without-consent")]
    public async Task Refusal_EndsTheRunAtOnceWithExit5_NamingTheCmdletAndTheDoctor(params string[] sandboxOptions)
    {
        await using var sandbox = await StandaloneSandbox.StartAsync(sandboxOptions);
        using var workspace = WorkspaceWith(sandbox.ProfileYaml);

        var result = await RunAsync(workspace, sandbox);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("Get-Mailbox was refused by Exchange Online (HTTP 401 (Unauthorized)", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("Run 'exojobs doctor --profile standalone' to find out what the app lacks.", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("retrying in", result.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StalledConnection_IsRetried_AndTheRunSucceedsWithEveryRow()
    {
        const int mailboxes = 5_000;
        await using var sandbox = await StandaloneSandbox.StartAsync(mailboxes);
        var sandboxPort = int.Parse(SandboxPort().Match(sandbox.ProfileYaml).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using var proxy = new StallingProxy(sandboxPort, stallAfterBytes: 150 * 1024);
        using var workspace = WorkspaceWith(SandboxPort().Replace(sandbox.ProfileYaml, $"https://127.0.0.1:{proxy.Port}/"));

        var result = await RunAsync(workspace, sandbox);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(proxy.Stalled, "the proxy never stalled: the first connection carried less than 150 KB");
        Assert.Contains("Exchange Online sent nothing for 30 s in the middle of a response", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains($"Enumerated {mailboxes} mailboxes, {mailboxes} distinct", result.AllOutput, StringComparison.Ordinal);
    }

    private static Workspace WorkspaceWith(string profileYaml)
    {
        var workspace = Workspace.FromRepositorySamples();
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profiles:\n", "profiles:\n" + profileYaml, StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);
        workspace.Write("jobs/count-mailboxes.yaml", EnumerationJob);
        return workspace;
    }

    private static Task<ExojobsResult> RunAsync(Workspace workspace, StandaloneSandbox sandbox) =>
        ExojobsProcess.RunAsync(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = sandbox.DataDirectory },
            "run", "count-mailboxes", "--profile", "standalone");

    [GeneratedRegex(@"https://127\.0\.0\.1:(\d+)/")]
    private static partial Regex SandboxPort();
}
