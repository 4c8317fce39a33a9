using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Scheduling;

namespace ExoJobRunner.Cli.Installation;

/// <summary>
/// Task Scheduler task definitions (the XML <c>schtasks /create /xml</c> imports): one that keeps
/// <c>exojobs scheduler</c> running from boot, and, for those who keep Task Scheduler as their scheduler, one per
/// job that calls <c>exojobs run &lt;job&gt;</c> and never starts a second instance while one runs.
/// </summary>
internal static class TaskSchedulerTask
{
    private static readonly XNamespace Task = TaskSchedulerTrigger.Task;

    /// <summary>The scheduler task: starts at boot, restarts after a failure, never stopped for running long.</summary>
    public static XDocument ForScheduler(ExojobsLauncher launcher, string configPath) =>
        Document(
            "exojobs scheduler: runs every enabled job on its schedule",
            [new XElement(Task + "BootTrigger", new XElement(Task + "Enabled", "true"))],
            executionTimeLimit: "PT0S",
            startWhenAvailable: true,
            restartOnFailure: true,
            launcher,
            ["scheduler", "--config", configPath],
            Path.GetDirectoryName(configPath)!);

    /// <summary>A task running one job on its schedule; null trigger list when the schedule cannot be expressed.</summary>
    /// <param name="problem">Why the task has no trigger, when it has none.</param>
    public static XDocument ForJob(ExojobsLauncher launcher, string configPath, JobDefinition job, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(job);
        problem = job.Schedule is null ? "the job has no schedule" : null;
        var trigger = job.Schedule is null ? null : TaskSchedulerTrigger.TryCreate(job.Schedule, out problem);

        // Task Scheduler's own backstop, a minute past the job's timeout: exojobs stops the job itself at the timeout.
        var limit = job.Timeout + TimeSpan.FromMinutes(1);
        return Document(
            $"exojobs job '{job.Name}': {job.Schedule?.Expression ?? "on demand"} ({job.TimeZone.Id})",
            trigger is null ? [] : [trigger],
            executionTimeLimit: string.Create(CultureInfo.InvariantCulture, $"PT{(int)Math.Ceiling(limit.TotalMinutes)}M"),
            startWhenAvailable: job.Misfire == MisfirePolicy.RunOnce,
            restartOnFailure: false,
            launcher,
            ["run", job.Name, "--config", configPath],
            Path.GetDirectoryName(configPath)!);
    }

    /// <summary>The file text as Task Scheduler exports it: UTF-16 with a byte order mark.</summary>
    public static byte[] ToFileBytes(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = Encoding.Unicode, Indent = true }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The text <c>--print</c> writes: ASCII only (any other character as a character reference), declared UTF-8, of
    /// which ASCII is a subset. The bytes are then the same whatever the console's encoding, and redirected to a file
    /// they are what the declaration says.
    /// </summary>
    public static byte[] ToPrintedBytes(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        var declaration = Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + Environment.NewLine);
        stream.Write(declaration);
        var settings = new XmlWriterSettings { Encoding = Encoding.ASCII, Indent = true, OmitXmlDeclaration = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Root!.Save(writer);
        }

        stream.Write(Encoding.ASCII.GetBytes(Environment.NewLine));
        return stream.ToArray();
    }

    private static XDocument Document(
        string description,
        IReadOnlyList<XElement> triggers,
        string executionTimeLimit,
        bool startWhenAvailable,
        bool restartOnFailure,
        ExojobsLauncher launcher,
        IReadOnlyList<string> arguments,
        string workingDirectory)
    {
        var settings = new XElement(
            Task + "Settings",
            new XElement(Task + "MultipleInstancesPolicy", "IgnoreNew"),
            new XElement(Task + "DisallowStartIfOnBatteries", "false"),
            new XElement(Task + "StopIfGoingOnBatteries", "false"),
            new XElement(Task + "StartWhenAvailable", startWhenAvailable ? "true" : "false"),
            new XElement(Task + "ExecutionTimeLimit", executionTimeLimit),
            new XElement(Task + "Enabled", "true"));
        if (restartOnFailure)
        {
            settings.Add(new XElement(Task + "RestartOnFailure", new XElement(Task + "Interval", "PT1M"), new XElement(Task + "Count", 3)));
        }

        return new XDocument(new XElement(
            Task + "Task",
            new XAttribute("version", "1.2"),
            new XElement(Task + "RegistrationInfo", new XElement(Task + "Description", description)),
            new XElement(Task + "Triggers", triggers),
            new XElement(
                Task + "Principals",
                new XElement(
                    Task + "Principal",
                    new XAttribute("id", "Author"),

                    // S4U: runs whether or not the account is logged on, without storing its password.
                    new XElement(Task + "LogonType", "S4U"),
                    new XElement(Task + "RunLevel", "LeastPrivilege"))),
            settings,
            new XElement(
                Task + "Actions",
                new XAttribute("Context", "Author"),
                new XElement(
                    Task + "Exec",
                    new XElement(Task + "Command", launcher.Program),
                    new XElement(Task + "Arguments", string.Join(' ', launcher.LeadingArguments.Concat(arguments).Select(QuoteArgument))),
                    new XElement(Task + "WorkingDirectory", workingDirectory)))));
    }

    private static string QuoteArgument(string argument) =>
        argument.Length > 0 && !argument.Any(character => char.IsWhiteSpace(character) || character == '"')
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
