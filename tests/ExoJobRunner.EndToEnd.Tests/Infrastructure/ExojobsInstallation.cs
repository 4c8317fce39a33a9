namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>One way <c>exojobs</c> is installed, and the program that starts it there.</summary>
/// <param name="Name">What the installation is, as test output shows it ("published", "tool").</param>
/// <param name="Program">The executable a user or a service manager starts.</param>
public sealed record ExojobsInstallation(string Name, string Program)
{
    internal async Task<ExojobsResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        return await process.WaitAsync();
    }

    internal ExojobsProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        ExojobsProcess.StartProgram(Program, workingDirectory, environment, arguments);

    public override string ToString() => Name;
}
