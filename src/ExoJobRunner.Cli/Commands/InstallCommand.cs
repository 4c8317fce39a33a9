using System.CommandLine;
using System.Xml.Linq;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Cli.Installation;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs install systemd [--user] [--print]</c> and <c>exojobs install task-scheduler [--print]</c>: the service
/// definitions that keep the scheduler running (or, with Task Scheduler, run each job). Nothing is registered
/// behind the user's back: the files are written or printed, and the commands that register them are shown.
/// </summary>
internal static class InstallCommand
{
    private static readonly Option<bool> PrintOption = new("--print") { Description = "Prints the definition instead of writing it." };

    private static readonly Option<bool> UserOption = new("--user") { Description = "A user unit (systemctl --user) instead of a system-wide one." };

    private static readonly Option<string> NameOption = new("--name")
    {
        Description = "The unit's name (default: exojobs).",
        DefaultValueFactory = _ => SchedulerCommand.ServiceName,
    };

    private static readonly Option<string?> RunAsOption = new("--run-as")
    {
        Description = "The account a system unit runs as (default: the account that ran sudo, or yours). Root only when named: --run-as root.",
    };

    private static readonly Option<string?> JobOption = new("--job")
    {
        Description = "The task of this job instead of the scheduler task (with --print), or only this job's task.",
    };

    private static readonly Option<DirectoryInfo?> OutOption = new("--out")
    {
        Description = "Where to write the task XML files (default: .exojobs/task-scheduler beside exojobs.yaml).",
    };

    public static Command Create()
    {
        var systemd = new Command("systemd", "Writes a systemd unit (Type=notify) that runs 'exojobs scheduler' for this configuration.")
        {
            UserOption,
            RunAsOption,
            PrintOption,
            NameOption,
        };
        systemd.SetAction(InstallSystemd);

        var taskScheduler = new Command(
            "task-scheduler",
            "Writes Task Scheduler XML: a task that runs 'exojobs scheduler' from boot, and one task per scheduled job calling 'exojobs run <job>'.")
        {
            PrintOption,
            JobOption,
            OutOption,
        };
        taskScheduler.SetAction(InstallTaskScheduler);

        return new Command("install", "Writes the service definition that keeps the scheduler running.") { systemd, taskScheduler };
    }

    private static int InstallSystemd(ParseResult parseResult)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var forUser = parseResult.GetValue(UserOption);
        var name = parseResult.GetRequiredValue(NameOption);
        if (name.Length == 0 || !name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' or '@'))
        {
            Console.Error.WriteLine($"exojobs: --name '{name}' is not a unit name; use letters, digits, '-', '_' and '.'.");
            return ExitCodes.UsageOrConfiguration;
        }

        var runAs = parseResult.GetValue(RunAsOption);
        if (forUser && runAs is not null)
        {
            Console.Error.WriteLine("exojobs: --run-as is for a system unit; a --user unit runs as you.");
            return ExitCodes.UsageOrConfiguration;
        }

        var account = forUser ? null : runAs ?? ServiceAccount.Default();
        if (!forUser && account is null)
        {
            Console.Error.WriteLine(
                "exojobs: the scheduler would run as root. Run this with sudo from the account that should run it, or name the account: --run-as <account> (--run-as root if root is meant).");
            return ExitCodes.UsageOrConfiguration;
        }

        var unit = SystemdUnit.Create(ExojobsLauncher.Current(), configuration, forUser, account);
        if (parseResult.GetValue(PrintOption))
        {
            Console.Out.Write(unit);
            return ExitCodes.Succeeded;
        }

        var path = SystemdUnit.PathFor(name, forUser);
        try
        {
            if (!forUser)
            {
                ServiceAccount.CreateFolders(SystemdUnit.WritableFolders(configuration), account!, Console.Out);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, unit);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"exojobs: cannot write {path}: {exception.Message}; run it as root, add --user, or use --print and place the unit yourself.");
            return ExitCodes.JobFailed;
        }

        var systemctl = forUser ? "systemctl --user" : "systemctl";
        Console.Out.WriteLine($"Wrote {path}. To start the scheduler now and at every boot:");
        Console.Out.WriteLine($"  {systemctl} daemon-reload");
        Console.Out.WriteLine($"  {systemctl} enable --now {name}.service");
        Console.Out.WriteLine($"  journalctl {(forUser ? "--user " : string.Empty)}-u {name}.service -f    # its log");
        if (forUser)
        {
            Console.Out.WriteLine($"  loginctl enable-linger {Environment.UserName}    # keep it running while you are logged out");
        }

        return ExitCodes.Succeeded;
    }

    private static int InstallTaskScheduler(ParseResult parseResult)
    {
        var configuration = ConfigurationReader.Load(parseResult, Console.Error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var jobName = parseResult.GetValue(JobOption);
        var selected = configuration.Jobs.Where(job => job.Enabled && job.Schedule is not null).ToList();
        if (jobName is not null)
        {
            var job = configuration.FindJob(jobName);
            if (job is null || !job.Enabled || job.Schedule is null)
            {
                var why = job is null ? "there is no job named" : job.Enabled ? "there is no schedule on job" : "tasks are only written for enabled jobs, not";
                Console.Error.WriteLine($"exojobs: --job: {why} '{jobName}'.");
                return ExitCodes.UsageOrConfiguration;
            }

            selected = [job];
        }

        var launcher = ExojobsLauncher.Current();
        var tasks = new List<(string FileName, string TaskName, XDocument Document)>();
        if (jobName is null)
        {
            tasks.Add(("exojobs-scheduler.xml", @"exojobs\scheduler", TaskSchedulerTask.ForScheduler(launcher, configuration.FilePath)));
        }

        var warnings = new List<string>();
        foreach (var job in selected)
        {
            tasks.Add(($"exojobs-job-{job.Name}.xml", $@"exojobs\{job.Name}", TaskSchedulerTask.ForJob(launcher, configuration.FilePath, job, out var problem)));
            if (problem is not null)
            {
                warnings.Add($"exojobs: warning: job '{job.Name}' ('{job.Schedule!.Expression}'): {problem}; its task has no trigger: add one in Task Scheduler, or use the scheduler task.");
            }
        }

        if (parseResult.GetValue(PrintOption))
        {
            // One task, so that the output redirected to a file is a file 'schtasks /create /xml' takes.
            using var output = Console.OpenStandardOutput();
            output.Write(TaskSchedulerTask.ToPrintedBytes(tasks[0].Document));
            if (jobName is null && selected.Count > 0)
            {
                Console.Error.WriteLine($"exojobs: printed the scheduler task; a job's own task: --print --job <name> ({string.Join(", ", selected.Select(job => job.Name))}).");
            }
        }
        else
        {
            var folder = parseResult.GetValue(OutOption)?.FullName ?? Path.Combine(configuration.BaseDirectory, ".exojobs", "task-scheduler");
            if (!Write(folder, tasks))
            {
                return ExitCodes.JobFailed;
            }

            PrintImportCommands(folder, tasks, configuration);
        }

        foreach (var warning in warnings)
        {
            Console.Error.WriteLine(warning);
        }

        return ExitCodes.Succeeded;
    }

    private static bool Write(string folder, List<(string FileName, string TaskName, XDocument Document)> tasks)
    {
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (fileName, _, document) in tasks)
            {
                File.WriteAllBytes(Path.Combine(folder, fileName), TaskSchedulerTask.ToFileBytes(document));
            }

            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"exojobs: cannot write the task files into {folder}: {exception.Message}; pass --out <folder> or --print.");
            return false;
        }
    }

    private static void PrintImportCommands(string folder, List<(string FileName, string TaskName, XDocument Document)> tasks, RunnerConfiguration configuration)
    {
        Console.Out.WriteLine($"Wrote {tasks.Count} task file(s) into {folder}. Use ONE of the two ways, never both (a job would then have two schedulers):");
        Console.Out.WriteLine();
        var jobTasks = tasks.Where(task => task.FileName != "exojobs-scheduler.xml").ToList();
        if (jobTasks.Count < tasks.Count)
        {
            Console.Out.WriteLine("  A. exojobs scheduler as the scheduler (recommended): one task, started at boot, which runs every job:");
            Console.Out.WriteLine($"     schtasks /create /tn \"{tasks[0].TaskName}\" /xml \"{Path.Combine(folder, tasks[0].FileName)}\" /ru <DOMAIN\\account>");
            Console.Out.WriteLine();
        }

        Console.Out.WriteLine("  B. Task Scheduler as the scheduler: one task per job, each calling 'exojobs run <job>'");
        Console.Out.WriteLine("     (a new instance is never started while one runs; Task Scheduler reads the times in this machine's time zone):");
        foreach (var (fileName, taskName, _) in jobTasks)
        {
            Console.Out.WriteLine($"     schtasks /create /tn \"{taskName}\" /xml \"{Path.Combine(folder, fileName)}\" /ru <DOMAIN\\account>");
        }

        var zones = configuration.Jobs.Where(job => job.Schedule is not null).Select(job => job.TimeZone.Id).Distinct(StringComparer.Ordinal).ToList();
        if (zones.Count > 0)
        {
            Console.Out.WriteLine($"     The jobs' schedules are written for {string.Join(", ", zones)}: set the machine to that zone or adjust the triggers.");
        }
    }
}
