using System.Runtime.CompilerServices;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.CSharp.Caching;
using ExoJobRunner.Scripting.Tests.CSharp;

namespace ExoJobRunner.Scripting.Tests.Caching;

/// <summary>The C# engine with an on-disk cache: what a scheduled job's second and later runs go through.</summary>
public sealed class CompiledScriptCacheTests : IDisposable
{
    private const int MaxCollections = 10;

    private readonly ScriptWorkspace _workspace = new();
    private readonly string _cacheDirectory;
    private readonly CompiledScriptCache _cache;

    public CompiledScriptCacheTests()
    {
        _cacheDirectory = _workspace.PathOf("cache");
        _cache = new CompiledScriptCache(_cacheDirectory);
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_UsesTheCachedScript_WithoutCompilingTheBody()
    {
        // The entry for this body's key holds another script: if the run compiled the body, it would log "compiled".
        var body = _workspace.FileBody("jobs/report.csx", "Log.LogInformation(\"compiled\");");
        var other = await ScriptBuilder.BuildAsync(_workspace.FileBody("jobs/other.csx", "Log.LogInformation(\"from the cache\");"), CancellationToken.None);
        var key = ScriptCacheKey.For(body, CSharpBodyEngine.DefaultImports);
        Assert.True(_cache.Store(key, new CachedScript(other.Script!, [], new Dictionary<string, string>())));
        var log = new RecordingLogger();

        var outcome = await new CSharpBodyEngine(_cache).RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal("from the cache", Assert.Single(log.Entries).Message);
    }

    [Fact]
    public async Task Run_StoresOneEntry_AndRunsFromItInAFreshEngine()
    {
        var body = _workspace.FileBody("jobs/report.csx", "Log.LogInformation(\"run {Id}\", Job.RunId);");

        var first = await new CSharpBodyEngine(_cache).RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);
        var entries = Directory.GetFiles(_cacheDirectory);
        var log = new RecordingLogger();
        var second = await new CSharpBodyEngine(new CompiledScriptCache(_cacheDirectory)).RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal((BodyOutcomeKind.Succeeded, BodyOutcomeKind.Succeeded), (first.Kind, second.Kind));
        Assert.EndsWith(".script", Assert.Single(entries), StringComparison.Ordinal);
        Assert.Equal("run run-1", Assert.Single(log.Entries).Message);
        Assert.Equal(entries, Directory.GetFiles(_cacheDirectory));
    }

    [Fact]
    public async Task Run_CompilesAgain_WhenALoadedFileChanges()
    {
        var helper = _workspace.Write("jobs/lib/word.csx", "string Word() => \"one\";");
        var body = _workspace.FileBody("jobs/report.csx", "#load \"lib/word.csx\"\nLog.LogInformation(Word());");
        var engine = new CSharpBodyEngine(_cache);
        var firstLog = new RecordingLogger();
        await engine.RunAsync(body, _workspace.Request(firstLog), CancellationToken.None);

        File.WriteAllText(helper, "string Word() => \"two\";");
        var secondLog = new RecordingLogger();
        await engine.RunAsync(body, _workspace.Request(secondLog), CancellationToken.None);

        Assert.Equal(("one", "two"), (Assert.Single(firstLog.Entries).Message, Assert.Single(secondLog.Entries).Message));
    }

    [Fact]
    public async Task Run_ReportsTheCompilationsWarnings_OnEveryRunFromTheCache()
    {
        var body = _workspace.FileBody("jobs/report.csx", "#warning remove before go-live\nThread.Sleep(1);");
        var engine = new CSharpBodyEngine(_cache);

        var first = await engine.RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);
        var second = await engine.RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(["CS1030", "EXO0004"], first.Diagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public async Task Run_DoesNotCacheABody_ThatHasErrors()
    {
        var body = _workspace.FileBody("jobs/report.csx", "var name = Console.ReadLine();");

        var outcome = await new CSharpBodyEngine(_cache).RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        Assert.False(Directory.Exists(_cacheDirectory) && Directory.EnumerateFiles(_cacheDirectory).Any(), "a refused body left a cache entry");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cache entry")]
    [InlineData("exojobs-compiled-script")]
    public async Task Run_CompilesAgainAndRepairsTheEntry_WhenTheEntryIsDamaged(string damagedContent)
    {
        var body = _workspace.FileBody("jobs/report.csx", "Log.LogInformation(\"fine\");");
        var engine = new CSharpBodyEngine(_cache);
        await engine.RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);
        var entry = Assert.Single(Directory.GetFiles(_cacheDirectory));
        File.WriteAllText(entry, damagedContent);
        var log = new RecordingLogger();

        var outcome = await engine.RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal("fine", Assert.Single(log.Entries).Message);
        var key = ScriptCacheKey.For(body, CSharpBodyEngine.DefaultImports);
        Assert.NotNull(_cache.TryLoad(key));
    }

    [Fact]
    public async Task Run_Succeeds_WhenTheCacheFolderCannotBeCreated()
    {
        var blocker = _workspace.Write("cache-is-a-file", "a file where the cache folder would go");
        var body = _workspace.FileBody("jobs/report.csx", "Log.LogInformation(\"fine\");");

        var outcome = await new CSharpBodyEngine(new CompiledScriptCache(Path.Combine(blocker, "scripts"))).RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
    }

    [Fact]
    public async Task Run_LeavesOneWholeEntry_WhenManyEnginesCompileTheSameBodyAtOnce()
    {
        const int Writers = 6;
        var body = _workspace.FileBody("jobs/report.csx", "Log.LogInformation(\"fine\");");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await new CSharpBodyEngine(new CompiledScriptCache(_cacheDirectory)).RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(runs);

        Assert.All(outcomes, outcome => Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind));
        Assert.EndsWith(".script", Assert.Single(Directory.GetFiles(_cacheDirectory)), StringComparison.Ordinal);
        var key = ScriptCacheKey.For(body, CSharpBodyEngine.DefaultImports);
        Assert.NotNull(_cache.TryLoad(key));
    }

    [Fact]
    public async Task Run_UnloadsTheScript_WhenItRanFromTheCache()
    {
        var body = _workspace.FileBody("jobs/unload.csx", """
            class Marker { }
            var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(Marker).Assembly);
            Log.LogInformation("{Context}", new WeakReference(context));
            """);
        await new CSharpBodyEngine(_cache).RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);

        var context = await RunFromCacheAndCaptureContextAsync(body);
        for (var collection = 0; context.IsAlive && collection < MaxCollections; collection++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(context.IsAlive, "the load context of a script run from the cache is still alive");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<WeakReference> RunFromCacheAndCaptureContextAsync(Core.Jobs.JobBody body)
    {
        var log = new RecordingLogger();
        var key = ScriptCacheKey.For(body, CSharpBodyEngine.DefaultImports);
        Assert.NotNull(_cache.TryLoad(key));

        var outcome = await new CSharpBodyEngine(_cache).RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        return Assert.IsType<WeakReference>(Assert.Single(Assert.Single(log.Entries).Values, value => value.Key == "Context").Value);
    }
}
