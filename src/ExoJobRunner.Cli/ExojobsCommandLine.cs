using System.CommandLine;
using ExoJobRunner.Cli.Commands;
using ExoJobRunner.Cli.Infrastructure;

namespace ExoJobRunner.Cli;

/// <summary>The <c>exojobs</c> command tree: one command class per verb, wired here and nowhere else.</summary>
internal static class ExojobsCommandLine
{
    public static RootCommand Create(InterruptSignal interrupt, TimeProvider time)
    {
        var root = new RootCommand("exojobs: runs Exchange Online admin jobs (C# and PowerShell) unattended on a shared, certificate-authenticated session.")
        {
            GlobalOptions.Config,
            RunCommand.Create(interrupt, time),
            ListCommand.Create(time),
            CheckCommand.Create(interrupt),
            DoctorCommand.Create(interrupt, time),
            SandboxCommand.Create(interrupt),
            SchedulerCommand.Create(interrupt, time),
            NextCommand.Create(time),
            HistoryCommand.Create(time),
            LogsCommand.Create(time),
            InstallCommand.Create(),
            CertCommand.Create(time),
        };
        return root;
    }
}
