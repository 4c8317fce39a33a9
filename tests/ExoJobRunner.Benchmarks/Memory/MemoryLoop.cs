using System.Diagnostics;
using System.Globalization;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.CSharp.Caching;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The measured process of the memory benchmark: runs a C# job many times, as a long-running scheduler does, with the
/// job's script changing every few runs so that it is compiled again; prints a <see cref="MemorySample"/> line every
/// tenth of the way.
/// </summary>
/// <remarks>
/// Both loops compile exactly when the script changes and otherwise reuse what they compiled: exojobs' engine through
/// its on-disk cache (loading the cached assembly into a new collectible context for every run), the Roslyn scripting
/// API by keeping the <c>Script</c> object, whose <c>RunAsync</c> reuses its compiled delegate. Recompiling on every
/// run would only make the Roslyn loop leak faster and both loops slower.
/// </remarks>
internal static class MemoryLoop
{
    public const string EngineMode = "engine";
    public const string RunAsyncMode = "runasync";

    /// <summary>Runs before the first sample, so that what every process loads once (Roslyn, the JIT's code) is in the baseline.</summary>
    public const int WarmupRuns = 100;

    public static async Task<int> RunAsync(string mode, int runs, int recompileEvery)
    {
        var folder = Directory.CreateTempSubdirectory("exojobs-memory-benchmark-").FullName;
        try
        {
            Func<int, Task> run = mode switch
            {
                EngineMode => EngineRun(folder, recompileEvery),
                RunAsyncMode => RoslynRun(recompileEvery),
                _ => throw new ArgumentException($"unknown mode '{mode}'; use {EngineMode} or {RunAsyncMode}", nameof(mode)),
            };

            for (var warmup = 1; warmup <= WarmupRuns; warmup++)
            {
                await run(-warmup);
            }

            var stopwatch = Stopwatch.StartNew();
            Console.WriteLine(Sample(0, stopwatch.Elapsed).ToLine());
            var every = Math.Max(1, runs / 10);
            for (var index = 1; index <= runs; index++)
            {
                await run(index);
                if (index % every == 0 || index == runs)
                {
                    Console.WriteLine(Sample(index, stopwatch.Elapsed).ToLine());
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>exojobs' C# engine with its disk cache: compile when the script changed, else load the cached assembly; run in a collectible context; unload.</summary>
    private static Func<int, Task> EngineRun(string folder, int recompileEvery)
    {
        var engine = new CSharpBodyEngine(new CompiledScriptCache(Path.Combine(folder, "cache")));
        var request = new BodyRunRequest(
            new JobContext("memory", "run", new Dictionary<string, string>(), folder),
            NullLogger.Instance,
            Exchange: null);
        var path = Path.Combine(folder, "memory.csx");
        return async index =>
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"var version = {Version(index, recompileEvery)};\nLog.LogDebug(\"version {{Version}}\", version);\n");
            var outcome = await engine.RunAsync(new JobBody(BodyLanguage.CSharp, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0), request, CancellationToken.None);
            if (outcome.Kind != BodyOutcomeKind.Succeeded)
            {
                throw new InvalidOperationException($"run {index} did not succeed: {outcome.ErrorMessage} {string.Join("; ", outcome.Diagnostics)}");
            }
        };
    }

    /// <summary>The Roslyn scripting API as most hosts use it: every compiled script lands in a context that is never unloaded.</summary>
    private static Func<int, Task> RoslynRun(int recompileEvery)
    {
        var version = int.MinValue;
        Script<object>? script = null;
        return async index =>
        {
            if (script is null || Version(index, recompileEvery) != version)
            {
                version = Version(index, recompileEvery);
                script = CSharpScript.Create<object>(string.Create(CultureInfo.InvariantCulture, $"var version = {version};\nreturn version;\n"));
            }

            await script.RunAsync();
        };
    }

    /// <summary>Which version of the script run <paramref name="index"/> uses (warm-up runs count down from -1).</summary>
    private static int Version(int index, int recompileEvery) => (int)Math.Floor(index / (double)recompileEvery);

    private static MemorySample Sample(int runs, TimeSpan elapsed)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var committed = GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes;
        return new MemorySample(runs, managed, committed, process.WorkingSet64, AnonymousResidentBytes(process), AppDomain.CurrentDomain.GetAssemblies().Length, elapsed);
    }

    /// <summary>Linux's <c>RssAnon</c> from /proc/self/status (in kB there); the private bytes where there is no such file.</summary>
    private static long AnonymousResidentBytes(Process process)
    {
        const string StatusFile = "/proc/self/status";
        const string Field = "RssAnon:";
        if (!File.Exists(StatusFile))
        {
            return process.PrivateMemorySize64;
        }

        var line = File.ReadLines(StatusFile).First(line => line.StartsWith(Field, StringComparison.Ordinal));
        var kilobytes = line[Field.Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
