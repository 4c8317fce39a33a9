using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>The real <c>exojobs</c> program started as a child process, its output captured as it is written.</summary>
internal sealed partial class ExojobsProcess : IDisposable
{
    /// <summary>A hung child fails its test instead of hanging the suite.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    private ExojobsProcess(Process process)
    {
        _process = process;
    }

    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    public static ExojobsProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        StartProgram(RepositoryPaths.ExojobsExecutable, workingDirectory, environment, arguments);

    /// <summary>Starts <c>exojobs</c> from another installation than the build output (a publish, an installed tool).</summary>
    public static ExojobsProcess StartProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove("EXOJOBS_CONFIG");

        // Compiled scripts go next to the run folders, so no test reads another's cache entry or fills the user's cache.
        startInfo.Environment["EXOJOBS_CACHE_DIR"] = Path.Combine(workingDirectory, ".exojobs", "cache");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var started = new ExojobsProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(started._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(started._stderr, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs <c>exojobs</c> to completion.</summary>
    public static async Task<ExojobsResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment: null, arguments);
        return await process.WaitAsync();
    }

    public static async Task<ExojobsResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, arguments);
        return await process.WaitAsync();
    }

    public async Task<ExojobsResult> WaitAsync()
    {
        using var limit = new CancellationTokenSource(HangLimit);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"exojobs did not exit within {HangLimit}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        // WaitForExitAsync returns once the streams are drained, so the captured text is complete here.
        return new ExojobsResult(_process.ExitCode, StandardOutput, StandardError);
    }

    /// <summary>Waits until standard output contains <paramref name="text"/> (the job reached a known point).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        using var limit = new CancellationTokenSource(HangLimit);
        while (!StandardOutput.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"exojobs exited before printing '{text}'.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
            }

            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>Sends a POSIX signal, as a terminal's Ctrl+C (SIGINT) or a service manager (SIGTERM) does.</summary>
    public void Signal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGINT and SIGTERM are sent"),
        };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {number}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
