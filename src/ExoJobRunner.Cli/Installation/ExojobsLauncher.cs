namespace ExoJobRunner.Cli.Installation;

/// <summary>How a service manager should start this same exojobs: its program, plus the assembly when run through <c>dotnet</c>.</summary>
/// <param name="Program">The executable to start.</param>
/// <param name="LeadingArguments">Arguments before the verb (the exojobs.dll path under <c>dotnet exojobs.dll</c>).</param>
internal sealed record ExojobsLauncher(string Program, IReadOnlyList<string> LeadingArguments)
{
    public static ExojobsLauncher Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("The path of the running program is unknown.");
        var name = Path.GetFileNameWithoutExtension(process);
        return string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ExojobsLauncher(process, [Path.Combine(AppContext.BaseDirectory, "exojobs.dll")])
            : new ExojobsLauncher(process, []);
    }
}
