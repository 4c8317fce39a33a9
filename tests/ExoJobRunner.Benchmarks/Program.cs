using System.Globalization;
using System.Runtime.InteropServices;
using ExoJobRunner.Benchmarks;
using ExoJobRunner.Benchmarks.Enumeration;
using ExoJobRunner.Benchmarks.Memory;
using ExoJobRunner.Benchmarks.Scheduling;
using ExoJobRunner.Benchmarks.Startup;

// dotnet run -c Release --project tests/ExoJobRunner.Benchmarks [-- startup|memory|scheduler|enumeration|all] [--iterations N] [--runs N]
//     [--recompile-every N] [--idle-seconds N] [--load-seconds N] [--mailboxes N] [--page-size N] [--rounds N]
// Prints a Markdown report for docs/performance.md on standard output; progress goes to standard error.
if (args is [Program.MemoryLoopCommand, var mode, var count, var every])
{
    return await MemoryLoop.RunAsync(mode, int.Parse(count, CultureInfo.InvariantCulture), int.Parse(every, CultureInfo.InvariantCulture));
}

if (args is [Program.EnumerationLoopCommand, var variant, .. var target])
{
    return await EnumerationLoop.RunAsync(variant, target);
}

var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
var iterations = Program.OptionValue(args, "--iterations", 20);
var runs = Program.OptionValue(args, "--runs", 10_000);
var recompileEvery = Program.OptionValue(args, "--recompile-every", 10);
var idleSeconds = Program.OptionValue(args, "--idle-seconds", 120);
var loadSeconds = Program.OptionValue(args, "--load-seconds", 120);
var mailboxes = Program.OptionValue(args, "--mailboxes", 100_000);
var pageSize = Program.OptionValue(args, "--page-size", 1000);
var rounds = Program.OptionValue(args, "--rounds", 5);
if (command is not ("all" or "startup" or "memory" or "scheduler" or "enumeration"))
{
    await Console.Error.WriteLineAsync(
        "usage: ExoJobRunner.Benchmarks [startup|memory|scheduler|enumeration|all] [--iterations N] [--runs N] [--recompile-every N] "
        + "[--idle-seconds N] [--load-seconds N] [--mailboxes N] [--page-size N] [--rounds N]");
    return 2;
}

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {BenchmarkPaths.Configuration} build{Program.LoadAverage()}."));
Console.WriteLine();
if (command is "all" or "startup")
{
    Console.WriteLine(await StartupBenchmark.RunAsync(iterations));
}

if (command is "all" or "memory")
{
    Console.WriteLine(await MemoryBenchmark.RunAsync(runs, recompileEvery));
}

if (command is "all" or "scheduler")
{
    Console.WriteLine(await SchedulerLoadBenchmark.RunAsync(idleSeconds, loadSeconds));
}

if (command is "all" or "enumeration")
{
    Console.WriteLine(await EnumerationBenchmark.RunAsync(mailboxes, pageSize, rounds));
}

return 0;

/// <summary>The harness's entry point and its command line.</summary>
internal static partial class Program
{
    /// <summary>The hidden command the memory benchmark starts its measured processes with.</summary>
    public const string MemoryLoopCommand = "memory-loop";

    /// <summary>The hidden command the enumeration benchmark starts each measured enumeration with.</summary>
    public const string EnumerationLoopCommand = "enumeration-loop";

    /// <summary>The machine's load when the run started (Linux), since other work on a shared machine slows every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "; load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : string.Empty;

    public static int OptionValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
