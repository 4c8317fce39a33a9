using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ExoJobRunner.Benchmarks.Startup;

/// <summary>
/// Publishes <c>exojobs</c> the way the README installs it on a server (framework-dependent for this machine's runtime
/// identifier, which turns ReadyToRun on), so the start-up table can set it beside the JIT-only build of the same code.
/// </summary>
internal static class ReadyToRunPublisher
{
    public static async Task<string> PublishAsync(string outputDirectory)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(BenchmarkPaths.Root, "src", "ExoJobRunner.Cli"),
            "-c", BenchmarkPaths.Configuration,
            "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false",
            "-o", outputDirectory,
            "-v", "q",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dotnet publish");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed with exit code {process.ExitCode}:{Environment.NewLine}{await output}{await error}");
        }

        var executable = Path.Combine(outputDirectory, OperatingSystem.IsWindows() ? "exojobs.exe" : "exojobs");
        return File.Exists(executable) ? executable : throw new FileNotFoundException("dotnet publish wrote no exojobs executable", executable);
    }
}
