using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ExoJobRunner.Benchmarks.Memory;

/// <summary>
/// The memory of one process running a C# job many times: exojobs' engine (collectible load context, unloaded after
/// each run) against the same loop on <c>CSharpScript.RunAsync</c>. Each mode runs in a process of its own, both at
/// once (one per core), so neither's memory is counted in the other's.
/// </summary>
internal static class MemoryBenchmark
{
    public static async Task<string> RunAsync(int runs)
    {
        var modes = new[] { (Name: "exojobs C# engine (collectible context, unloaded after each run)", Mode: MemoryLoop.EngineMode), (Name: "`CSharpScript.RunAsync`", Mode: MemoryLoop.RunAsyncMode) };
        var results = await Task.WhenAll(modes.Select(mode => MeasureAsync(mode.Mode, runs)));

        var table = new StringBuilder()
            .AppendLine("| Loop | Runs | Managed heap before → after | Growth | Working set before → after | Growth | Assemblies loaded before → after | Time |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var ((name, _), samples) in modes.Zip(results))
        {
            var (first, last) = (samples[0], samples[^1]);
            table.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {last.Runs:N0} | {Mb(first.ManagedBytes)} → {Mb(last.ManagedBytes)} MB | {Mb(last.ManagedBytes - first.ManagedBytes)} MB "
                + $"| {Mb(first.WorkingSetBytes)} → {Mb(last.WorkingSetBytes)} MB | {Mb(last.WorkingSetBytes - first.WorkingSetBytes)} MB "
                + $"| {first.LoadedAssemblies} → {last.LoadedAssemblies} | {last.Elapsed.TotalSeconds:F0} s |"));
        }

        table.AppendLine().AppendLine("Working set after every tenth of the runs (MB):").AppendLine();
        foreach (var ((name, _), samples) in modes.Zip(results))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {string.Join(", ", samples.Select(sample => Mb(sample.WorkingSetBytes)))}");
        }

        return table.ToString();
    }

    private static async Task<IReadOnlyList<MemorySample>> MeasureAsync(string mode, int runs)
    {
        var startInfo = new ProcessStartInfo(Environment.ProcessPath ?? throw new InvalidOperationException("the harness's own path is unknown"))
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Program.MemoryLoopCommand);
        startInfo.ArgumentList.Add(mode);
        startInfo.ArgumentList.Add(runs.ToString(CultureInfo.InvariantCulture));

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the memory loop");
        var samples = new List<MemorySample>();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (MemorySample.Parse(line) is { } sample)
            {
                samples.Add(sample);
                await Console.Error.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"memory ({mode}): {sample.Runs} runs, working set {Mb(sample.WorkingSetBytes)} MB, managed {Mb(sample.ManagedBytes)} MB, {sample.LoadedAssemblies} assemblies"));
            }
        }

        await process.WaitForExitAsync();
        return process.ExitCode == 0 && samples.Count > 1
            ? samples
            : throw new InvalidOperationException($"the {mode} memory loop exited with {process.ExitCode}");
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
