using ExoJobRunner.EndToEnd.Tests.Infrastructure;
using ExoJobRunner.Sandbox.Faults;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs run</c> of a C# job that writes 10,000 mailboxes to a CSV, against a sandbox that throws one kind of fault
/// the service throws. The run must end well and its CSV must equal, byte for byte, the CSV of a run against a clean
/// sandbox of the same tenant: nothing lost, nothing repeated. The sandbox is hosted by the test, so each test also
/// checks that its fault really happened.
/// </summary>
public sealed class FaultSurvivalTests(FaultSurvivalTests.CleanRun clean) : IClassFixture<FaultSurvivalTests.CleanRun>
{
    private const int Mailboxes = 10_000;

    [Theory]
    //          fault spec                   the fault it injects
    [InlineData("429:0.3:1s",                SandboxFaultKind.Throttled)]
    [InlineData("429-no-retry-after:0.3",    SandboxFaultKind.ThrottledWithoutRetryAfter)]
    [InlineData("500:0.3",                   SandboxFaultKind.InternalServerError)]
    [InlineData("502:0.3",                   SandboxFaultKind.BadGateway)]
    [InlineData("503:0.3",                   SandboxFaultKind.Unavailable)]
    [InlineData("504:0.3",                   SandboxFaultKind.GatewayTimeout)]
    [InlineData("slow:0.3:1s",               SandboxFaultKind.Slow)]
    [InlineData("reset:0.3",                 SandboxFaultKind.ResetBeforeHeaders)]
    [InlineData("drop:0.3",                  SandboxFaultKind.Dropped)]
    [InlineData("revoke:0.3",                SandboxFaultKind.TokenRevoked)]
    [InlineData("stall:0.2",                 SandboxFaultKind.Stalled)]
    public async Task Run_UnderAFault_WritesTheSameCsvAsACleanRun(string faults, SandboxFaultKind kind)
    {
        await using var sandbox = await HostedSandbox.StartAsync(faults, Mailboxes);

        var csv = await RunJobAsync(sandbox);

        Assert.True(sandbox.Server.Activity.InjectedFaults.GetValueOrDefault(kind) > 0, $"no {kind} was injected; choose another share");
        AssertSameBytes(clean.Csv, csv);
    }

    /// <summary>
    /// The token the client holds expires at Exchange in the middle of the enumeration: tokens last six minutes (so the
    /// client's token cache keeps them), and from the fifth admin API request on the sandbox's clock stands twelve minutes
    /// later. The next page is refused as expired; the client gets a new token and goes on from that page.
    /// </summary>
    [Fact]
    public async Task Run_CrossingATokenExpiryMidEnumeration_WritesTheSameCsvAsACleanRun()
    {
        var clock = new JumpingClock(TimeSpan.FromMinutes(12));
        await using var sandbox = await HostedSandbox.StartAsync("token:6m", Mailboxes, clock);
        clock.JumpOnceTrue(() => sandbox.Server.Activity.AdminApiRequests >= 5);

        var csv = await RunJobAsync(sandbox);

        Assert.Equal(1, sandbox.Server.Activity.ExpiredTokenRefusals);
        Assert.Equal(2, sandbox.Server.Activity.TokensIssued);
        AssertSameBytes(clean.Csv, csv);
    }

    /// <summary>
    /// One run's enumeration (about 11 requests) fits a budget of 12 requests per 10 seconds; two runs at once do not,
    /// because they draw on the tenant's one budget. Both are throttled, wait, and still write the whole CSV.
    /// </summary>
    [Fact]
    public async Task ConcurrentRuns_ShareTheTenantsBudget_AndBothWriteTheSameCsvAsACleanRun()
    {
        const string budget = "budget:12/10s";
        await using (var alone = await HostedSandbox.StartAsync(budget, Mailboxes))
        {
            AssertSameBytes(clean.Csv, await RunJobAsync(alone));
            Assert.Equal(0, alone.Server.Activity.BudgetRefusals);
        }

        await using var shared = await HostedSandbox.StartAsync(budget, Mailboxes);

        var csvs = await Task.WhenAll(RunJobAsync(shared), RunJobAsync(shared));

        Assert.True(shared.Server.Activity.BudgetRefusals > 0, "the two runs were never throttled: they did not share one budget");
        AssertSameBytes(clean.Csv, csvs[0]);
        AssertSameBytes(clean.Csv, csvs[1]);
    }

    /// <summary>Runs the CSV job on a fresh copy of the fixture whose profile is <paramref name="sandbox"/>; returns the CSV.</summary>
    private static async Task<byte[]> RunJobAsync(HostedSandbox sandbox)
    {
        using var workspace = sandbox.Workspace("fault-survival");

        var result = await ExojobsProcess.RunAsync(workspace.Directory, "run", "mailbox-csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = Assert.Single(Directory.GetDirectories(workspace.PathOf(".exojobs/runs/mailbox-csv")));
        return await File.ReadAllBytesAsync(Path.Combine(runFolder, "mailboxes.csv"));
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var expectedLines = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i]);
        Assert.Fail(
            $"The CSV differs from the clean run's ({expectedLines.Length} lines expected, {actualLines.Length} written); " +
            $"first difference at line {first + 1}:\n  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   {actualLines.ElementAtOrDefault(first)}");
    }

    /// <summary>The CSV of one run against a clean sandbox of the same tenant: what every faulty run must write.</summary>
    public sealed class CleanRun : IAsyncLifetime
    {
        public byte[] Csv { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using var sandbox = await HostedSandbox.StartAsync(faults: string.Empty, Mailboxes);
            Csv = await RunJobAsync(sandbox);
            Assert.Equal(Mailboxes + 1, Csv.Count(b => b == (byte)'\n'));
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>
    /// The system clock until a condition first holds, then the system clock plus a fixed jump: the sandbox's time leaps
    /// forward at a known point of the enumeration, while the client's own clock (and its token cache) does not.
    /// </summary>
    private sealed class JumpingClock(TimeSpan jump) : TimeProvider
    {
        private volatile Func<bool> condition = () => false;
        private volatile bool jumped;

        public void JumpOnceTrue(Func<bool> when) => condition = when;

        public override DateTimeOffset GetUtcNow()
        {
            jumped = jumped || condition();
            return base.GetUtcNow() + (jumped ? jump : TimeSpan.Zero);
        }
    }
}
