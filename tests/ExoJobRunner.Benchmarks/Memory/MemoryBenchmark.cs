using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The memory of one process running a C# job many times, its script changing (and so compiled again) every few runs:
/// exojobs' engine (collectible load context, unloaded after each run) against the same loop on the Roslyn scripting
/// API's <c>RunAsync</c>. Each loop runs in a process of its own, all at once, so none's memory is counted in another's.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<string> RunAsync(int runs, int recompileEvery)
    {
        // The third loop is the first with the JIT's tiering off: Roslyn's hot methods are then compiled optimized once,
        // instead of being compiled again at tier 1 as they warm up, which is where the first loop's resident memory goes.
        var modes = new[]
        {
            (Name: "exojobs C# engine (disk cache; collectible context unloaded after each run)", Mode: MemoryLoop.EngineMode, TieredCompilation: true),
            (Name: "Roslyn `CSharpScript.Create(…).RunAsync()`", Mode: MemoryLoop.RunAsyncMode, TieredCompilation: true),
            (Name: "exojobs C# engine, `DOTNET_TieredCompilation=0`", Mode: MemoryLoop.EngineMode, TieredCompilation: false),
        };
        var results = await Task.WhenAll(modes.Select(mode => MeasureAsync(mode.Mode, runs, recompileEvery, mode.TieredCompilation)));

        var table = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{runs:N0} runs each, the script changing every {recompileEvery} runs ({runs / recompileEvery:N0} compilations); memory after a full blocking GC, first sample after {MemoryLoop.WarmupRuns} warm-up runs.")
            .AppendLine()
            .AppendLine("| Loop | Live managed heap | GC committed | Resident, not file-backed | Working set | Assemblies loaded | Time |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var ((name, _, _), samples) in modes.Zip(results))
        {
            var (first, last) = (samples[0], samples[^1]);
            table.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Change(first.ManagedBytes, last.ManagedBytes)} | {Change(first.CommittedBytes, last.CommittedBytes)} "
                + $"| {Change(first.AnonymousBytes, last.AnonymousBytes)} | {Change(first.WorkingSetBytes, last.WorkingSetBytes)} "
                + $"| {first.LoadedAssemblies} → {last.LoadedAssemblies} | {last.Elapsed.TotalSeconds:F0} s |"));
        }

        table.AppendLine().AppendLine("After every tenth of the runs (resident not file-backed / working set, MB):").AppendLine();
        foreach (var ((name, _, _), samples) in modes.Zip(results))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {string.Join(", ", samples.Select(sample => $"{Mb(sample.AnonymousBytes)}/{Mb(sample.WorkingSetBytes)}"))}");
        }

        return table.ToString();
    }

    private static async Task<IReadOnlyList<MemorySample>> MeasureAsync(string mode, int runs, int recompileEvery, bool tieredCompilation)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("the harness's own path is unknown"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Program.MemoryLoopCommand);
        startInfo.ArgumentList.Add(mode);
        startInfo.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add(recompileEvery.ToString(CultureInfo.InvariantCulture));
        if (!tieredCompilation)
        {
            startInfo.Environment["DOTNET_TieredCompilation"] = "0";
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the memory loop");
        var samples = new List<MemorySample>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (MemorySample.Parse(line) is { } sample)
            {
                samples.Add(sample);
                await Console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"memory ({mode}{(tieredCompilation ? string.Empty : ", tiering off")}): {sample.Runs} runs, working set {Mb(sample.WorkingSetBytes)} MB, managed {Mb(sample.ManagedBytes)} MB, {sample.LoadedAssemblies} assemblies"));
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 && samples.Count > 1
            ? samples
            : throw new InvalidOperationException($"the {mode} memory loop exited with {process.ExitCode}");
    }

    /// <summary>"before → after MB (+growth)".</summary>
    private static string Change(long before, long after) =>
        string.Create(CultureInfo.InvariantCulture, $"{Mb(before)} → {Mb(after)} MB ({(after >= before ? "+" : string.Empty)}{Mb(after - before)})");

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
