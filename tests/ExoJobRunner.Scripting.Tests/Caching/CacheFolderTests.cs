using ExoJobRunner.Scripting.CSharp.Caching;
using ExoJobRunner.Scripting.Tests.CSharp;

namespace ExoJobRunner.Scripting.Tests.Caching;

/// <summary>Where the cache lives, and how it is kept from growing: unused and abandoned files are pruned.</summary>
public sealed class CacheFolderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 22, 0, 0, TimeSpan.Zero);

    private readonly ScriptWorkspace _workspace = new();
    private readonly string _directory;
    private readonly CompiledScriptCache _cache;

    public CacheFolderTests()
    {
        _directory = _workspace.PathOf("cache");
        Directory.CreateDirectory(_directory);
        _cache = new CompiledScriptCache(_directory, new FixedClock(Now));
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void DefaultDirectory_IsTheEnvironmentVariable_WhenItIsSet()
    {
        var directory = CompiledScriptCache.DefaultDirectory(name => name == "EXOJOBS_CACHE_DIR" ? _workspace.PathOf("ci-cache") : null);

        Assert.Equal(_workspace.PathOf("ci-cache"), directory);
    }

    [Fact]
    public void DefaultDirectory_IsUnderTheUsersCacheFolder_WhenTheVariableIsNotSet()
    {
        var xdg = _workspace.PathOf("xdg");

        var directory = CompiledScriptCache.DefaultDirectory(name => name == "XDG_CACHE_HOME" ? xdg : null);

        var userCache = OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : OperatingSystem.IsMacOS() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches")
            : xdg;
        Assert.Equal(Path.Combine(userCache, "exojobs", "scripts"), directory);
    }

    [Theory]
    [InlineData("entry.script",           29 * 24, true)]
    [InlineData("entry.script",           31 * 24, false)]
    [InlineData("entry.0a1b.tmp",         0,       true)]
    [InlineData("entry.0a1b.tmp",         2,       false)]
    [InlineData("notes.txt",              1000,    true)]
    public void Prune_DeletesEntriesUnusedForThirtyDays_AndAbandonedTemporaryFiles(string fileName, int hoursOld, bool kept)
    {
        var path = Path.Combine(_directory, fileName);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddHours(-hoursOld).AddMinutes(-1));

        _cache.Prune();

        Assert.Equal(kept, File.Exists(path));
    }

    [Fact]
    public void Prune_KeepsTheMostRecentlyUsedEntries_UpToTheLimit()
    {
        var extra = 3;
        var paths = Enumerable.Range(0, CompiledScriptCache.MaxEntries + extra).Select(index =>
        {
            var path = Path.Combine(_directory, $"{index:D4}.script");
            File.WriteAllText(path, "x");
            File.SetLastWriteTimeUtc(path, Now.UtcDateTime.AddMinutes(-index));
            return path;
        }).ToList();

        var deleted = _cache.Prune();

        Assert.Equal(extra, deleted);
        Assert.All(paths.Take(CompiledScriptCache.MaxEntries), path => Assert.True(File.Exists(path), path));
        Assert.All(paths.Skip(CompiledScriptCache.MaxEntries), path => Assert.False(File.Exists(path), path));
    }
}
