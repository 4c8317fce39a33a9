using System.Globalization;
using System.Text;
using ExoJobRunner.Cli.Commands;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Cli.Installation;

/// <summary>
/// The systemd unit that runs <c>exojobs scheduler</c> as a service (system-wide or for one user). A system unit is
/// sandboxed to what the scheduler needs: reading its configuration, writing its history, run and cache folders, and
/// the network. Every directive carries a comment saying why, since administrators read units before enabling them.
/// </summary>
internal static class SystemdUnit
{
    /// <summary>Folders under which systemd's <c>ProtectHome=</c> applies.</summary>
    private static readonly string[] HomeRoots = ["/home", "/root", "/run/user"];

    /// <param name="launcher">How to start exojobs.</param>
    /// <param name="configuration">The configuration the scheduler runs.</param>
    /// <param name="forUser">A user unit (<c>systemctl --user</c>) rather than a system one.</param>
    /// <param name="account">For a system unit, the account it runs as.</param>
    public static string Create(ExojobsLauncher launcher, RunnerConfiguration configuration, bool forUser, string? account)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(configuration);
        var configPath = configuration.FilePath;
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
            .AppendLine("# The scheduler of this configuration, started in its folder, as the account that owns the configuration.")
            .AppendLine(CultureInfo.InvariantCulture, $"ExecStart={command}")
            .AppendLine(CultureInfo.InvariantCulture, $"WorkingDirectory={Quote(configuration.BaseDirectory)}");
        if (!forUser && account is not null)
        {
            unit.AppendLine(CultureInfo.InvariantCulture, $"User={account}");
        }

        unit.AppendLine("# No welcome banner from the .NET host in the journal.")
            .AppendLine("Environment=DOTNET_NOLOGO=1")
            .AppendLine("# SIGTERM stops new runs and cancels running ones, which are recorded Canceled; exit code 0.")
            .AppendLine(CultureInfo.InvariantCulture, $"TimeoutStopSec={stopSeconds}")
            .AppendLine("# Restarting cannot fix exit code 2 (a configuration error: fix exojobs.yaml) nor 6 (this installation of")
            .AppendLine("# exojobs is broken: reinstall it), so systemd does not try; after any other failure it restarts the scheduler.")
            .AppendLine("Restart=on-failure")
            .AppendLine("RestartSec=10")
            .AppendLine(CultureInfo.InvariantCulture, $"RestartPreventExitStatus={ExitCodes.UsageOrConfiguration} {ExitCodes.InstallationBroken}");
        if (forUser)
        {
            AppendUserHardening(unit);
        }
        else
        {
            AppendSystemHardening(unit, launcher, configuration);
        }

        return unit
            .AppendLine()
            .AppendLine("[Install]")
            .AppendLine(forUser ? "WantedBy=default.target" : "WantedBy=multi-user.target")
            .ToString();
    }

    /// <summary>The folders the scheduler writes: the history database's (its journal and the job locks live beside it) and the run folders.</summary>
    public static IReadOnlyList<string> WritableFolders(RunnerConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var folders = new[] { Path.GetDirectoryName(configuration.History.DatabasePath)!, configuration.History.RunsDirectory }
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // A folder inside another one listed is writable already.
        return [.. folders.Where(folder => !folders.Any(other => other != folder && IsUnder(folder, other)))];
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

    private static void AppendUserHardening(StringBuilder unit) =>
        unit.AppendLine("# Neither exojobs nor anything it starts can gain privileges (setuid programs, file capabilities). The other")
            .AppendLine("# sandboxing directives need the system service manager: 'exojobs install systemd' without --user writes them.")
            .AppendLine("NoNewPrivileges=yes");

    private static void AppendSystemHardening(StringBuilder unit, ExojobsLauncher launcher, RunnerConfiguration configuration)
    {
        var writable = WritableFolders(configuration);
        var homeUse = HomeUse(launcher, configuration, writable);
        unit.AppendLine()
            .AppendLine("# Sandboxing: the scheduler reads its configuration, writes its history, run and cache folders, and reaches")
            .AppendLine("# Exchange Online and notification targets over the network; everything else is taken away. A job or a")
            .AppendLine("# notification command that writes somewhere else needs that folder added with 'systemctl edit <unit>':")
            .AppendLine("#   [Service]")
            .AppendLine("#   ReadWritePaths=/that/folder")
            .AppendLine("# Neither exojobs nor anything it starts can gain privileges (setuid programs, file capabilities).")
            .AppendLine("NoNewPrivileges=yes")
            .AppendLine("# No capabilities at all: the scheduler runs as an ordinary account and needs none.")
            .AppendLine("CapabilityBoundingSet=")
            .AppendLine("# The whole file system is read-only to the service (the configuration and job files included) ...")
            .AppendLine("ProtectSystem=strict")
            .AppendLine("# ... except the history database with its job locks, and the run folders. They must exist when the service")
            .AppendLine("# starts ('exojobs install systemd' creates them).")
            .AppendLine(CultureInfo.InvariantCulture, $"ReadWritePaths={string.Join(' ', writable.Select(Quote))}")
            .AppendLine("# Compiled C# bodies are cached in /var/cache/exojobs, which systemd creates for the service's account.")
            .AppendLine("CacheDirectory=exojobs")
            .AppendLine("Environment=EXOJOBS_CACHE_DIR=%C/exojobs")
            .AppendLine("# The built-in sandbox tenant (environment: Sandbox) keeps its credential in /var/lib/exojobs.")
            .AppendLine("StateDirectory=exojobs")
            .AppendLine("Environment=EXOJOBS_DATA_DIR=%S/exojobs");
        if (homeUse is null)
        {
            unit.AppendLine("# Home folders are invisible: nothing the scheduler needs lives in one.")
                .AppendLine("ProtectHome=yes");
        }
        else
        {
            unit.AppendLine(CultureInfo.InvariantCulture, $"# Home folders are read-only, not invisible: {homeUse}.")
                .AppendLine("ProtectHome=read-only");
        }

        unit.AppendLine("# A private /tmp and /var/tmp, emptied when the service stops.")
            .AppendLine("PrivateTmp=yes")
            .AppendLine("# No physical devices: only pseudo-devices such as /dev/null and /dev/urandom.")
            .AppendLine("PrivateDevices=yes")
            .AppendLine("# The kernel's tunables, modules and log, the clock, the hostname and the control groups stay as they are.")
            .AppendLine("ProtectKernelTunables=yes")
            .AppendLine("ProtectKernelModules=yes")
            .AppendLine("ProtectKernelLogs=yes")
            .AppendLine("ProtectClock=yes")
            .AppendLine("ProtectHostname=yes")
            .AppendLine("ProtectControlGroups=yes")
            .AppendLine("# Mounts stay the service's own: none it could make would reach the rest of the machine.")
            .AppendLine("PrivateMounts=yes")
            .AppendLine("# No new namespaces, realtime scheduling, setuid/setgid files or execution-domain changes.")
            .AppendLine("RestrictNamespaces=yes")
            .AppendLine("RestrictRealtime=yes")
            .AppendLine("RestrictSUIDSGID=yes")
            .AppendLine("LockPersonality=yes")
            .AppendLine("# System V IPC objects the account leaves behind are removed when the service stops.")
            .AppendLine("RemoveIPC=yes")
            .AppendLine("# Internet (IPv4, IPv6) for Exchange Online and webhooks; Unix sockets for the journal and sd_notify; netlink,")
            .AppendLine("# which .NET uses to learn of network changes.")
            .AppendLine("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK")
            .AppendLine("# System calls of this machine's native architecture only; groups a job runner never needs (mounting, swap,")
            .AppendLine("# rebooting, kernel modules, raw I/O, debugging other processes, obsolete calls) fail with EPERM.")
            .AppendLine("SystemCallArchitectures=native")
            .AppendLine("SystemCallFilter=~@clock @cpu-emulation @debug @module @mount @obsolete @raw-io @reboot @swap")
            .AppendLine("SystemCallErrorNumber=EPERM")
            .AppendLine("# Files the scheduler creates (history, logs, reports) are not readable by other accounts.")
            .AppendLine("UMask=0027")
            .AppendLine("# Not set, on purpose: MemoryDenyWriteExecute= (.NET compiles code while it runs: the JIT, C# job bodies),")
            .AppendLine("# ProtectProc=invisible (exojobs checks whether the process of a Running run, maybe another account's")
            .AppendLine("# 'exojobs run', is still alive), an allow-list SystemCallFilter= (the runtime's calls are not a documented")
            .AppendLine("# set) and PrivateNetwork=/IPAddressDeny= (Exchange Online is on the internet).");
    }

    /// <summary>Why the service needs to read inside home folders, or null when it does not.</summary>
    private static string? HomeUse(ExojobsLauncher launcher, RunnerConfiguration configuration, IReadOnlyList<string> writable)
    {
        if (IsInHome(configuration.FilePath))
        {
            return "the configuration lives in one";
        }

        if (writable.Any(IsInHome))
        {
            return "the history or run folders live in one";
        }

        if (new[] { launcher.Program }.Concat(launcher.LeadingArguments).Any(IsInHome))
        {
            return "exojobs is installed in one";
        }

        var certificates = configuration.Profiles.Values.Select(profile => profile.Certificate).OfType<CertificateSource>().ToList();
        if (certificates.Any(certificate => certificate.Thumbprint is not null))
        {
            return "a profile's certificate is in the account's certificate store (~/.dotnet/corefx/cryptography/x509stores)";
        }

        return certificates
            .SelectMany(certificate => new[] { certificate.PfxPath, certificate.PfxPassword?.FilePath, certificate.PemCertificatePath, certificate.PemKeyPath })
            .Any(path => path is not null && IsInHome(Path.GetFullPath(path, configuration.BaseDirectory)))
            ? "a profile's certificate file lives in one"
            : null;
    }

    private static bool IsInHome(string path) => HomeRoots.Any(root => IsUnder(path, root));

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    // systemd reads '%' as the start of a specifier and splits words on spaces unless quoted.
    private static string Escape(string text) => text.Replace("%", "%%", StringComparison.Ordinal);

    private static string Quote(string word)
    {
        var escaped = Escape(word).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return escaped.Any(char.IsWhiteSpace) || escaped.Contains('"', StringComparison.Ordinal) ? $"\"{escaped}\"" : escaped;
    }
}
