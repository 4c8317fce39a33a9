using System.Globalization;
using System.Text;

namespace ExoJobRunner.Benchmarks.Startup;

/// <summary>
/// How long a scheduled C# job takes from process start to exit: <c>exojobs run</c> with a warm and a cold script cache,
/// a naive <c>CSharpScript.EvaluateAsync</c> runner, and .NET hello world (the floor), measured in one run. Starts are
/// interleaved (one of each in turn) so that a busy moment on the machine costs every scenario alike.
/// </summary>
internal static class StartupBenchmark
{
    /// <summary>The trivial job: no Exchange call, one log line.</summary>
    private const string JobBody = "Log.LogInformation(\"hello\");";

    /// <summary>The same work for the naive runner, which has no Log global.</summary>
    private const string NaiveScript = "System.Console.WriteLine(\"hello\");";

    private const int WarmupStarts = 2;

    public static async Task<string> RunAsync(int iterations)
    {
        var folder = Directory.CreateTempSubdirectory("exojobs-startup-benchmark-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "exojobs.yaml"), "jobs: jobs/*.yaml\n");
            Directory.CreateDirectory(Path.Combine(folder, "jobs"));
            File.WriteAllText(Path.Combine(folder, "jobs", "trivial.yaml"), $"csharp: {JobBody}\n");
            File.WriteAllText(Path.Combine(folder, "trivial.csx"), NaiveScript + "\n");

            await Console.Error.WriteLineAsync("startup: publishing exojobs with ReadyToRun (a few minutes)");
            var published = await ReadyToRunPublisher.PublishAsync(Path.Combine(folder, "published"));
            var warmCache = Path.Combine(folder, "warm-cache");
            var publishedWarmCache = Path.Combine(folder, "published-warm-cache");
            var coldCaches = 0;
            Dictionary<string, string> Cache(string directory) => new() { ["EXOJOBS_CACHE_DIR"] = directory };
            Dictionary<string, string> None() => [];

            // Roslyn start-up is the slow part of the cold and naive runs, and their spread is small: fewer starts suffice.
            var slow = Math.Max(3, iterations / 2);
            StartupScenario[] scenarios =
            [
                new("`exojobs run`, warm cache, published (ReadyToRun)", published, ["run", "trivial"], iterations, () => Cache(publishedWarmCache)),
                new("`exojobs run`, warm cache, build output (JIT only)", BenchmarkPaths.Exojobs, ["run", "trivial"], iterations, () => Cache(warmCache)),
                new("`exojobs run`, cold cache, published (ReadyToRun)", published, ["run", "trivial"], slow, () => Cache(Path.Combine(folder, "cold-cache-" + coldCaches++.ToString(CultureInfo.InvariantCulture)))),
                new("`exojobs --version`, published (the CLI's own start-up, no job)", published, ["--version"], iterations, None),
                new("naive `CSharpScript.EvaluateAsync` runner", BenchmarkPaths.NaiveScriptRunner, ["trivial.csx"], slow, None),
                new(".NET hello world (floor)", BenchmarkPaths.HelloWorld, [], iterations, None),
            ];

            foreach (var scenario in scenarios)
            {
                for (var start = 0; start < WarmupStarts; start++)
                {
                    await ProcessTimer.TimeAsync(scenario, folder);
                }
            }

            var samples = scenarios.ToDictionary(scenario => scenario, _ => new List<TimeSpan>());
            for (var round = 0; round < iterations; round++)
            {
                foreach (var scenario in scenarios.Where(scenario => round < scenario.Iterations))
                {
                    samples[scenario].Add(await ProcessTimer.TimeAsync(scenario, folder));
                }

                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"startup: round {round + 1}/{iterations}"));
            }

            var summaries = scenarios.Select(scenario => TimingSummary.Of(scenario.Name, samples[scenario])).ToList();
            var floor = summaries[^1].MedianMs;
            var table = new StringBuilder()
                .AppendLine("| Scenario (process start to exit) | Starts | Median ms | Mean ms | Min ms | P90 ms | Median vs hello world |")
                .AppendLine("|---|---|---|---|---|---|---|");
            foreach (var summary in summaries)
            {
                table.AppendLine(summary.Row(floor));
            }

            return table.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
