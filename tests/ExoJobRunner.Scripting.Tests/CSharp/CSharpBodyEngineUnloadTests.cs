using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;

namespace ExoJobRunner.Scripting.Tests.CSharp;

/// <summary>
/// A scheduler runs scripts for months: each run's assembly must go away with its load context. The body
/// reports its own context and assembly through <see cref="WeakReference"/>s (which keep neither alive), and the
/// test checks that both are collected once the run is over.
/// </summary>
/// <remarks>
/// The test fails when anything keeps a script type reachable after the run: a static cache of the script class,
/// a stored factory or task, an outcome that holds the script's exception.
/// </remarks>
public sealed class CSharpBodyEngineUnloadTests : IDisposable
{
    private const int MaxCollections = 10;

    private readonly ScriptWorkspace _workspace = new();
    private readonly CSharpBodyEngine _engine = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("return 0;",                                       BodyOutcomeKind.Succeeded)]
    [InlineData("return 5;",                                       BodyOutcomeKind.Failed)]
    [InlineData("throw new InvalidOperationException(\"boom\");",  BodyOutcomeKind.Failed)]
    public async Task Run_UnloadsScriptLoadContext_OnceTheRunIsOver(string ending, BodyOutcomeKind expectedKind)
    {
        var (scriptContext, scriptAssembly) = await RunAndCaptureScriptContextAsync(ending, expectedKind);

        for (var collection = 0; (scriptContext.IsAlive || scriptAssembly.IsAlive) && collection < MaxCollections; collection++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(scriptContext.IsAlive, "the script's load context is still alive");
        Assert.False(scriptAssembly.IsAlive, "the script's assembly is still loaded");
    }

    /// <summary>
    /// Kept in its own method so the outcome (and the exception it may hold, which references the script's
    /// code) is out of scope when the test starts collecting.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private async Task<(WeakReference Context, WeakReference Assembly)> RunAndCaptureScriptContextAsync(string ending, BodyOutcomeKind expectedKind)
    {
        var body = _workspace.FileBody("jobs/unload.csx", $$"""
            class Marker { }
            var assembly = typeof(Marker).Assembly;
            var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(assembly);
            Log.LogInformation("{Assembly} runs in {Context}", new WeakReference(assembly), new WeakReference(context));
            {{ending}}
            """);
        var log = new RecordingLogger();

        var outcome = await _engine.RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal(expectedKind, outcome.Kind);
        var values = Assert.Single(log.Entries).Values;
        var scriptContext = Assert.IsType<WeakReference>(Assert.Single(values, value => value.Key == "Context").Value);
        var scriptAssembly = Assert.IsType<WeakReference>(Assert.Single(values, value => value.Key == "Assembly").Value);
        AssertIsCollectibleScriptContext(scriptContext);
        return (scriptContext, scriptAssembly);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AssertIsCollectibleScriptContext(WeakReference scriptContext)
    {
        var context = Assert.IsAssignableFrom<AssemblyLoadContext>(scriptContext.Target);
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.True(context.IsCollectible);
    }
}
