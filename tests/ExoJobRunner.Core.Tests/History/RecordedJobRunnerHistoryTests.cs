using ExoJobRunner.Core.History;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Core.Tests.Scheduling.Support;

namespace ExoJobRunner.Core.Tests.History;

/// <summary>A run and its row: never one without the other, whatever the history store does meanwhile.</summary>
public sealed class RecordedJobRunnerHistoryTests
{
    [Fact]
    public async Task Run_DoesNotStart_WhenTheStoreRefusesItsFirstRow()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        fixture.MakeHistoryUnavailable();

        var error = await Assert.ThrowsAsync<HistoryDatabaseException>(() => fixture.RunAsync(TestJobs.OnDemand("report", """Log.LogInformation("ran");""")));

        Assert.Equal(HistoryProblem.Unavailable, error.Problem);
        Assert.Same(error, fixture.Writer.Outage);
        Assert.False(Directory.Exists(Path.Combine(fixture.Settings.RunsDirectory, "report")), "a run without its row must not start");
    }

    [Fact]
    public async Task Run_KeepsItsEnding_WhenTheStoreGoesOutMidRun_AndItIsWrittenOnceTheStoreIsBack()
    {
        await using var fixture = await RecordedRunFixture.CreateAsync();
        var proceed = Path.Combine(fixture.Folder, "proceed");
        var job = TestJobs.OnDemand("report", $$"""while (!File.Exists(@"{{proceed}}")) await Task.Delay(10);""");
        var run = fixture.RunAsync(job);
        await WaitForAsync(async () => (await fixture.RowsAsync()).Count == 1);

        fixture.MakeHistoryUnavailable();
        await File.WriteAllTextAsync(proceed, string.Empty);
        var result = await run;
        var keptWhileOut = fixture.Writer.Deferred;
        fixture.RestoreHistory();
        var caughtUp = await fixture.Writer.TryCatchUpAsync(_ => Task.CompletedTask);

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal([$"the end of run {result.RunId} (Succeeded)"], keptWhileOut);
        Assert.True(caughtUp);
        var row = Assert.Single(await fixture.RowsAsync());
        Assert.Equal((RunStatus.Succeeded, 0), (row.Status.Value, row.ExitCode));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
