namespace ExoJobRunner.Core.History;

/// <summary>
/// The machine-wide lock that keeps <c>exojobs run X</c> and the scheduler from running job X at the same time: a
/// lock file opened with <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Linux and macOS, a sharing lock
/// on Windows). The operating system releases it when the holder's process ends however it ends, so a crash never
/// leaves a job locked. Who holds it is written to a separate file, because the lock file itself cannot be read by
/// anyone else while it is held.
/// </summary>
public sealed class JobLock : IDisposable
{
    private const int HolderReadAttempts = 5;
    private static readonly TimeSpan HolderReadPause = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _lockFile;
    private readonly string _holderPath;
    private bool _disposed;

    private JobLock(FileStream lockFile, string holderPath)
    {
        _lockFile = lockFile;
        _holderPath = holderPath;
    }

    /// <summary>The folder of the job lock files: <c>locks/</c> beside the history database.</summary>
    public static string DirectoryFor(string historyDatabasePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(historyDatabasePath))!, "locks");

    /// <summary>Takes the lock of <paramref name="jobName"/>, or returns null with whoever holds it.</summary>
    /// <param name="holder">Who is taking it, written down for anyone refused later.</param>
    /// <param name="currentHolder">When refused: the holder as it wrote itself down, or null if it has not yet.</param>
    /// <exception cref="IOException">The lock file cannot be created or opened (a full or read-only disk): not a refusal.</exception>
    /// <exception cref="UnauthorizedAccessException">The locks folder may not be written.</exception>
    public static JobLock? TryAcquire(string locksDirectory, string jobName, JobLockHolder holder, out JobLockHolder? currentHolder)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        ArgumentNullException.ThrowIfNull(holder);
        Directory.CreateDirectory(locksDirectory);

        // Job names are compared ignoring case, so their lock files are too (on case-sensitive file systems as well).
        var baseName = Path.Combine(locksDirectory, jobName.ToLowerInvariant());
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(baseName + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            currentHolder = ReadHolderOfNewLock(baseName + ".holder");
            return null;
        }

        var acquired = new JobLock(lockFile, baseName + ".holder");
        acquired.SetHolder(holder);
        currentHolder = null;
        return acquired;
    }

    /// <summary>
    /// Rewrites who holds the lock (a queued or retried run of the same job took over without releasing it). The note
    /// only names the holder in a refusal; the lock itself is the open file. So a note that cannot be written (a full
    /// disk) is left out rather than failing the run, which would leave the lock to whoever cleans up after it.
    /// </summary>
    public void SetHolder(JobLockHolder holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // Written beside and then moved over, so a refused reader never sees half a file; named uniquely, because runs
        // of one job may rewrite it at once (concurrency: allow, each retrying).
        var temporary = _holderPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temporary, holder.ToJson());
            File.Move(temporary, _holderPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // The holder file goes first: once the lock is free, the next holder may already have written its own. A stale
        // holder file only makes a later refusal name an old run; the lock itself is what counts.
        TryDelete(_holderPath);
        _lockFile.Dispose();
    }

    /// <summary>
    /// Whether opening the lock file failed because another open file holds it (EWOULDBLOCK from <c>flock</c>, or a
    /// Windows sharing or lock violation), as opposed to the file system refusing (full, read-only, gone).
    /// </summary>
    private static bool IsHeldElsewhere(IOException exception)
    {
        // On Unix the exception carries the raw errno, whose number differs between Linux and the BSDs.
        const int LinuxWouldBlock = 11;
        const int MacWouldBlock = 35;
        const int SharingViolation = unchecked((int)0x80070020);
        const int LockViolation = unchecked((int)0x80070021);
        return OperatingSystem.IsWindows() ? exception.HResult is SharingViolation or LockViolation
            : OperatingSystem.IsMacOS() ? exception.HResult == MacWouldBlock
            : exception.HResult == LinuxWouldBlock;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind; harmless (see the callers).
        }
    }

    /// <summary>
    /// The holder writes itself down just after taking the lock; a refusal in between would find no file, so the
    /// read is tried a few times, briefly, before the refusal goes without the holder's name.
    /// </summary>
    private static JobLockHolder? ReadHolderOfNewLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var holder = ReadHolder(path);
            if (holder is not null || attempt == HolderReadAttempts)
            {
                return holder;
            }

            Thread.Sleep(HolderReadPause);
        }
    }

    private static JobLockHolder? ReadHolder(string path)
    {
        try
        {
            return JobLockHolder.FromJson(File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
