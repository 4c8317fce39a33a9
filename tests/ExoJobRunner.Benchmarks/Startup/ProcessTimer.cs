using System.Diagnostics;

namespace ExoJobRunner.Benchmarks.Startup;

/// <summary>Starts a program and measures the wall-clock time until it has exited, as a scheduler would see it.</summary>
internal static class ProcessTimer
{
    public static async Task<TimeSpan> TimeAsync(StartupScenario scenario, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(scenario.Program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in scenario.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in scenario.Environment())
        {
            startInfo.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {scenario.Program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        stopwatch.Stop();

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{scenario.Name} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }

        return stopwatch.Elapsed;
    }
}
