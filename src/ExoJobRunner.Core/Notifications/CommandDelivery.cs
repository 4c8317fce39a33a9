using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace ExoJobRunner.Core.Notifications;

/// <summary>A <see cref="CommandTarget"/> ready to start: the run's data as <c>EXOJOBS_*</c> environment variables.</summary>
internal sealed class CommandDelivery : INotificationDelivery
{
    /// <summary>How much of what the command wrote to standard error a failure quotes.</summary>
    private const int MaxQuotedErrorLength = 300;

    private readonly CommandTarget _target;
    private readonly NotificationPayload _payload;

    public CommandDelivery(CommandTarget target, NotificationPayload payload)
    {
        _target = target;
        _payload = payload;
    }

    public string Description => Describe(_target);

    /// <summary>The program only: arguments may say more than a log line should.</summary>
    public static string Describe(CommandTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return "command " + target.Program;
    }

    public async Task<DeliveryAttempt> AttemptAsync(CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo() };
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            return DeliveryAttempt.Failure($"could not be started: {exception.Message}");
        }

        // Nothing is typed into a notification: a command that reads its input sees the end of it at once.
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
            await Task.WhenAll(output, error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode == 0)
        {
            return DeliveryAttempt.Success("exit code 0");
        }

        var firstErrorLine = (await error)
            .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        var quoted = firstErrorLine is null
            ? string.Empty
            : ": " + (firstErrorLine.Length <= MaxQuotedErrorLength ? firstErrorLine : firstErrorLine[..MaxQuotedErrorLength] + "…");
        return DeliveryAttempt.Failure(string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode}{quoted}"));
    }

    /// <summary>
    /// Started in the run's folder, so a command can pick up <c>run.log</c> and the job's outputs by relative path; the
    /// folder may be missing for a run that could not even create it, and then the current folder is used.
    /// </summary>
    private ProcessStartInfo CreateStartInfo()
    {
        var startInfo = new ProcessStartInfo(_target.Program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.Exists(_payload.RunFolder) ? _payload.RunFolder : string.Empty,
        };
        foreach (var argument in _target.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _payload.ToEnvironment())
        {
            // Removing rather than leaving it: a value inherited from exojobs's own environment would be a lie.
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }
}
