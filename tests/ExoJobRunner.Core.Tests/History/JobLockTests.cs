using ExoJobRunner.Core.History;

namespace ExoJobRunner.Core.Tests.History;

public sealed class JobLockTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-lock-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void TryAcquire_RefusesASecondHolder_AndSaysWhoHoldsIt()
    {
        using var first = JobLock.TryAcquire(_folder, "report", new JobLockHolder(1234, "host-a", Noon, "run-1"), out _);

        var second = JobLock.TryAcquire(_folder, "Report", new JobLockHolder(5678, "host-a", Noon, "run-2"), out var holder);

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(
            "job 'report' is already running (pid 1234 on host host-a, started at 2026-06-01T12:00:00Z, run id run-1)",
            holder!.DescribeFor("report"));
    }

    [Fact]
    public void TryAcquire_Succeeds_OnceTheHolderReleasesIt()
    {
        JobLock.TryAcquire(_folder, "report", new JobLockHolder(1, "h", Noon, "run-1"), out _)!.Dispose();

        using var again = JobLock.TryAcquire(_folder, "report", new JobLockHolder(2, "h", Noon, "run-2"), out _);

        Assert.NotNull(again);
    }

    [Fact]
    public void SetHolder_TellsLaterRefusalsAboutTheNewRun()
    {
        using var held = JobLock.TryAcquire(_folder, "report", new JobLockHolder(1, "h", Noon, "run-1"), out _);
        held!.SetHolder(new JobLockHolder(1, "h", Noon.AddMinutes(1), "run-2"));

        JobLock.TryAcquire(_folder, "report", new JobLockHolder(2, "h", Noon, "x"), out var holder);

        Assert.Equal("run-2", holder!.RunId);
    }

    [Fact]
    public void TryAcquire_LocksJobsIndependently()
    {
        using var report = JobLock.TryAcquire(_folder, "report", new JobLockHolder(1, "h", Noon, "run-1"), out _);

        using var cleanup = JobLock.TryAcquire(_folder, "cleanup", new JobLockHolder(1, "h", Noon, "run-2"), out _);

        Assert.NotNull(cleanup);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
