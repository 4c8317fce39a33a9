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

    [Fact]
    public void TryAcquire_Throws_WhenTheFileSystemRefuses_InsteadOfSayingTheJobIsRunning()
    {
        // A file where the locks folder should be: the folder cannot be created, as on a full or read-only disk.
        Directory.CreateDirectory(Path.GetDirectoryName(_folder)!);
        File.WriteAllText(_folder, "not a folder");

        Assert.ThrowsAny<IOException>(() => JobLock.TryAcquire(_folder, "report", new JobLockHolder(1, "h", Noon, "run-1"), out _));
        File.Delete(_folder);
    }

    [Fact]
    public void TryAcquire_HoldsTheLock_WhenTheHolderNoteCannotBeWritten()
    {
        // A folder where the holder note goes: the note cannot be moved into place, as on a full disk.
        Directory.CreateDirectory(Path.Combine(_folder, "report.holder"));

        using var held = JobLock.TryAcquire(_folder, "report", new JobLockHolder(1, "h", Noon, "run-1"), out _);
        held!.SetHolder(new JobLockHolder(1, "h", Noon, "run-2"));
        var second = JobLock.TryAcquire(_folder, "report", new JobLockHolder(2, "h", Noon, "run-3"), out var holder);

        Assert.Null(second);
        Assert.Null(holder);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
