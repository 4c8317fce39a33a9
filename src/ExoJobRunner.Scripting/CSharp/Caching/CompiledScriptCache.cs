namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>
/// Compiled C# bodies on disk, one file per <see cref="ScriptCacheKey"/>, so a scheduled job skips Roslyn (about a
/// second in a fresh process) whenever its sources have not changed. Safe to share between processes: entries are
/// written to a temporary file and renamed into place, so a reader sees a whole entry or none.
/// </summary>
public sealed class CompiledScriptCache
{
    /// <summary>The environment variable that moves the cache folder (CI caches, read-only home folders, tests).</summary>
    public const string DirectoryVariable = "EXOJOBS_CACHE_DIR";

    /// <summary>An entry not used for this long is deleted the next time something is written to the cache.</summary>
    public static readonly TimeSpan UnusedEntryLifetime = TimeSpan.FromDays(30);

    /// <summary>At most this many entries are kept; the least recently used go first.</summary>
    public const int MaxEntries = 256;

    private const string EntryExtension = ".script";
    private const string TemporaryExtension = ".tmp";

    /// <summary>A temporary file this old was left by a process that died while writing it.</summary>
    private static readonly TimeSpan AbandonedWriteAge = TimeSpan.FromHours(1);

    /// <summary>A hit marks its entry as used (for pruning) at most this often, so that runs do not write to the cache.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromDays(1);

    private readonly TimeProvider _time;

    public CompiledScriptCache(string directory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        DirectoryPath = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The folder holding the entries.</summary>
    public string DirectoryPath { get; }

    /// <summary>
    /// <c>EXOJOBS_CACHE_DIR</c> when set; otherwise <c>exojobs/scripts</c> under the user's cache folder:
    /// <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c> on Linux, <c>~/Library/Caches</c> on macOS, the local application data
    /// folder on Windows.
    /// </summary>
    public static string DefaultDirectory() => DefaultDirectory(Environment.GetEnvironmentVariable);

    /// <summary><see cref="DefaultDirectory()"/> reading the environment through <paramref name="environment"/>.</summary>
    internal static string DefaultDirectory(Func<string, string?> environment)
    {
        var configured = environment(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return Path.Combine(UserCacheDirectory(environment), "exojobs", "scripts");
    }

    /// <summary>
    /// The entry for <paramref name="key"/> when there is one and every file it <c>#load</c>ed is unchanged; null
    /// otherwise (including when the entry cannot be read: the caller compiles and writes a fresh one).
    /// </summary>
    internal CachedScript? TryLoad(ScriptCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var path = EntryPath(key);
        CachedScript? entry;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            entry = CachedScriptFormat.Read(stream, key.Value);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (entry is null || !LoadedFilesUnchanged(entry, key))
        {
            return null;
        }

        MarkUsed(path);
        return entry;
    }

    /// <summary>
    /// Writes the entry for <paramref name="key"/> (replacing one whose loaded files changed), then prunes stale
    /// entries. Returns false when the cache folder cannot be written; the run goes on without the cache.
    /// </summary>
    internal bool Store(ScriptCacheKey key, CachedScript entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entry);
        var temporary = Path.Combine(DirectoryPath, $"{key.Value}.{Guid.NewGuid():N}{TemporaryExtension}");
        try
        {
            Directory.CreateDirectory(DirectoryPath);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                CachedScriptFormat.Write(stream, key.Value, entry);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, EntryPath(key), overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another process may be replacing the same entry (Windows refuses to replace a file in use); its entry is
            // as good as ours. Or the folder is read-only: the cache is an optimization, never a reason to fail a run.
            TryDelete(temporary);
            return false;
        }

        Prune();
        return true;
    }

    /// <summary>
    /// Deletes entries unused for <see cref="UnusedEntryLifetime"/>, the least recently used beyond
    /// <see cref="MaxEntries"/>, and temporary files abandoned by writers that died. Returns how many files went.
    /// </summary>
    public int Prune()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return 0;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var folder = new DirectoryInfo(DirectoryPath);
        var deleted = 0;
        foreach (var abandoned in folder.EnumerateFiles("*" + TemporaryExtension).Where(file => now - file.LastWriteTimeUtc > AbandonedWriteAge))
        {
            deleted += TryDelete(abandoned.FullName) ? 1 : 0;
        }

        var entries = folder.EnumerateFiles("*" + EntryExtension).OrderByDescending(file => file.LastWriteTimeUtc).ToList();
        foreach (var (entry, rank) in entries.Select((entry, rank) => (entry, rank)))
        {
            if (rank >= MaxEntries || now - entry.LastWriteTimeUtc > UnusedEntryLifetime)
            {
                deleted += TryDelete(entry.FullName) ? 1 : 0;
            }
        }

        return deleted;
    }

    private string EntryPath(ScriptCacheKey key) => Path.Combine(DirectoryPath, key.Value + EntryExtension);

    private static bool LoadedFilesUnchanged(CachedScript entry, ScriptCacheKey key) =>
        entry.LoadedFileHashes.All(file =>
            string.Equals(key.FileHashes.GetValueOrDefault(file.Key) ?? ScriptCacheKey.HashFile(file.Key), file.Value, StringComparison.Ordinal));

    /// <summary>An entry's last write time is its last use: pruning keeps what scheduled jobs still run.</summary>
    private void MarkUsed(string path)
    {
        try
        {
            var now = _time.GetUtcNow().UtcDateTime;
            if (now - File.GetLastWriteTimeUtc(path) > UseResolution)
            {
                File.SetLastWriteTimeUtc(path, now);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves hits; its entries just age as if unused.
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string UserCacheDirectory(Func<string, string?> environment)
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Caches");
        }

        var xdg = environment("XDG_CACHE_HOME");
        return !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
    }
}
