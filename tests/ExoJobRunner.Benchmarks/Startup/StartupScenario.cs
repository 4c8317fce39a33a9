namespace ExoJobRunner.Benchmarks.Startup;

/// <summary>
/// One way of running the trivial job from a fresh process: the program, its arguments, and what to prepare before
/// each start (a fresh cache folder for the cold-cache case).
/// </summary>
/// <param name="Name">How the results table names it.</param>
/// <param name="Program">The executable started.</param>
/// <param name="Arguments">Its command line.</param>
/// <param name="Iterations">How many measured starts.</param>
/// <param name="Environment">Variables for each start; called once per start, so a scenario can hand out a fresh folder.</param>
internal sealed record StartupScenario(
    string Name,
    string Program,
    IReadOnlyList<string> Arguments,
    int Iterations,
    Func<IReadOnlyDictionary<string, string>> Environment);
