using System.Globalization;
using System.Runtime.InteropServices;
using ExoJobRunner.Benchmarks;
using ExoJobRunner.Benchmarks.Memory;
using ExoJobRunner.Benchmarks.Startup;

// dotnet run -c Release --project tests/ExoJobRunner.Benchmarks [-- startup|memory|all] [--iterations N] [--runs N]
// Prints a Markdown report for docs/performance.md on standard output; progress goes to standard error.
if (args is [Program.MemoryLoopCommand, var mode, var count])
{
    return await MemoryLoop.RunAsync(mode, int.Parse(count, CultureInfo.InvariantCulture));
}

var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var iterations = Program.OptionValue(args, "--iterations", 20);
var runs = Program.OptionValue(args, "--runs", 10_000);
if (command is not ("all" or "startup" or "memory"))
{
    await Console.Error.WriteLineAsync("usage: ExoJobRunner.Benchmarks [startup|memory|all] [--iterations N] [--runs N]");
    return 2;
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {BenchmarkPaths.Configuration} build."));
Console.WriteLine();
if (command is "all" or "startup")
{
    Console.WriteLine(await StartupBenchmark.RunAsync(iterations));
}

if (command is "all" or "memory")
{
    Console.WriteLine(await MemoryBenchmark.RunAsync(runs));
}

return 0;

/// <summary>The harness's entry point and its command line.</summary>
internal static partial class Program
{
    /// <summary>The hidden command the memory benchmark starts its measured processes with.</summary>
    public const string MemoryLoopCommand = "memory-loop";

    public static int OptionValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
