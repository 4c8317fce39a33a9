using System.Globalization;
using System.Text;
using ExoJobRunner.Cli.Commands;

namespace ExoJobRunner.Cli.Installation;

/// <summary>The systemd unit that runs <c>exojobs scheduler</c> as a service (system-wide or for one user).</summary>
internal static class SystemdUnit
{
    /// <param name="launcher">How to start exojobs.</param>
    /// <param name="configPath">Absolute path of exojobs.yaml.</param>
    /// <param name="forUser">A user unit (<c>systemctl --user</c>) rather than a system one.</param>
    /// <param name="userName">For a system unit, the account it runs as; null leaves it root's.</param>
    public static string Create(ExojobsLauncher launcher, string configPath, bool forUser, string? userName)
    {
        var command = string.Join(' ', [Quote(launcher.Program), .. launcher.LeadingArguments.Select(Quote), "scheduler", "--config", Quote(configPath)]);

        // systemd waits this long after SIGTERM before SIGKILL: longer than the scheduler takes to cancel its runs and
        // record them, so a stop never turns into a kill that leaves runs to be found Abandoned.
        var stopSeconds = (int)Math.Ceiling(SchedulerCommand.ShutdownTimeout.TotalSeconds) + 5;
        var unit = new StringBuilder()
            .AppendLine("[Unit]")
            .AppendLine(CultureInfo.InvariantCulture, $"Description=exojobs scheduler for {Escape(configPath)}")
            .AppendLine("Wants=network-online.target")
            .AppendLine("After=network-online.target")
            .AppendLine()
            .AppendLine("[Service]")
            .AppendLine("# exojobs tells systemd when it is ready and when it is stopping (sd_notify).")
            .AppendLine("Type=notify")
            .AppendLine(CultureInfo.InvariantCulture, $"ExecStart={command}")
            .AppendLine(CultureInfo.InvariantCulture, $"WorkingDirectory={Quote(Path.GetDirectoryName(configPath)!)}");
        if (!forUser && userName is not null)
        {
            unit.AppendLine(CultureInfo.InvariantCulture, $"User={userName}");
        }

        return unit
            .AppendLine("Environment=DOTNET_NOLOGO=1")
            .AppendLine("# SIGTERM stops new runs and cancels running ones, which are recorded Canceled; exit code 0.")
            .AppendLine(CultureInfo.InvariantCulture, $"TimeoutStopSec={stopSeconds}")
            .AppendLine("# Exit code 2 is a configuration error: restarting cannot fix it, so systemd should not try.")
            .AppendLine("Restart=on-failure")
            .AppendLine("RestartSec=10")
            .AppendLine("RestartPreventExitStatus=2")
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine(forUser ? "WantedBy=default.target" : "WantedBy=multi-user.target")
            .ToString();
    }

    /// <summary>Where the unit file goes: <c>/etc/systemd/system</c>, or the user's <c>systemd/user</c> configuration folder.</summary>
    public static string PathFor(string unitName, bool forUser)
    {
        if (!forUser)
        {
            return Path.Combine("/etc/systemd/system", unitName + ".service");
        }

        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrWhiteSpace(configHome))
        {
            configHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(configHome, "systemd", "user", unitName + ".service");
    }

    // systemd reads '%' as the start of a specifier and splits words on spaces unless quoted.
    private static string Escape(string text) => text.Replace("%", "%%", StringComparison.Ordinal);

    private static string Quote(string word)
    {
        var escaped = Escape(word).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return escaped.Any(char.IsWhiteSpace) || escaped.Contains('"', StringComparison.Ordinal) ? $"\"{escaped}\"" : escaped;
    }
}
