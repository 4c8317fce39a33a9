using System.Diagnostics;
using System.Globalization;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The measured process of the memory benchmark: runs a C# script many times, every run compiling a script it has
/// not seen (as a long-running scheduler does when jobs change), and prints a <see cref="MemorySample"/> line every
/// tenth of the way.
/// </summary>
internal static class MemoryLoop
{
    public const string EngineMode = "engine";
    public const string RunAsyncMode = "runasync";

    /// <summary>Runs before the first sample, so that what every process loads once (Roslyn, the JIT's code) is in the baseline.</summary>
    private const int WarmupRuns = 100;

    public static async Task<int> RunAsync(string mode, int runs)
    {
        var folder = Directory.CreateTempSubdirectory("exojobs-memory-benchmark-").FullName;
        try
        {
            Func<int, Task> run = mode switch
            {
                EngineMode => EngineRun(folder),
                RunAsyncMode => RoslynRunAsync,
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

    /// <summary>exojobs' C# engine without the disk cache: compile, emit, run in a collectible context, unload.</summary>
    private static Func<int, Task> EngineRun(string folder)
    {
        var engine = new CSharpBodyEngine();
        var request = new BodyRunRequest(
            new JobContext("memory", "run", new Dictionary<string, string>(), folder),
            NullLogger.Instance,
            Exchange: null);
        var path = Path.Combine(folder, "memory.csx");
        return async index =>
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"var n = {index};\nLog.LogDebug(\"run {{N}}\", n);\n");
            var outcome = await engine.RunAsync(new JobBody(BodyLanguage.CSharp, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0), request, CancellationToken.None);
            if (outcome.Kind != BodyOutcomeKind.Succeeded)
            {
                throw new InvalidOperationException($"run {index} did not succeed: {outcome.ErrorMessage} {string.Join("; ", outcome.Diagnostics)}");
            }
        };
    }

    /// <summary>The Roslyn scripting API as most hosts use it: every script lands in a context that is never unloaded.</summary>
    private static async Task RoslynRunAsync(int index) =>
        await CSharpScript.RunAsync(string.Create(CultureInfo.InvariantCulture, $"var n = {index};\nreturn n;\n"));

    private static MemorySample Sample(int runs, TimeSpan elapsed)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySample(runs, managed, process.WorkingSet64, AppDomain.CurrentDomain.GetAssemblies().Length, elapsed);
    }
}
