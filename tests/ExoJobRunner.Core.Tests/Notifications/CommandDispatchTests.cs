using ExoJobRunner.Core.Notifications;
using ExoJobRunner.Core.Tests.Notifications.Support;

namespace ExoJobRunner.Core.Tests.Notifications;

/// <summary>
/// Command targets started for real: the system shell writes what it was given into the run folder, so the same tests
/// run on Linux (<c>/bin/sh</c>) and Windows (<c>cmd.exe</c>).
/// </summary>
public sealed class CommandDispatchTests : IDisposable
{
    private readonly NotificationDispatcher _dispatcher = new(TimeProvider.System, TimeSpan.FromSeconds(30), TimeSpan.Zero);
    private readonly RecordingLog _log = new();
    private readonly string _runFolder = Path.Combine(Path.GetTempPath(), "exojobs-notify-tests", Guid.NewGuid().ToString("N"));

    public CommandDispatchTests() => Directory.CreateDirectory(_runFolder);

    public void Dispose()
    {
        _dispatcher.Dispose();
        Directory.Delete(_runFolder, recursive: true);
    }

    [Fact]
    public async Task Command_GetsTheRunInEnvironmentVariables_AndStartsInTheRunFolder()
    {
        var outcome = await SendAsync(ShellWritingEnvironment(), TestPayloads.Failed(_runFolder));

        Assert.Equal(new NotificationOutcome(CommandDelivery.Describe(ShellWritingEnvironment()), Delivered: true, Attempts: 1, Problem: null), outcome);
        var environment = ReadWrittenEnvironment();
        Assert.Equal("mailbox-report", environment["EXOJOBS_JOB"]);
        Assert.Equal("20260601-120000-4f1c2a", environment["EXOJOBS_RUN_ID"]);
        Assert.Equal("Failed", environment["EXOJOBS_STATUS"]);
        Assert.Equal("1", environment["EXOJOBS_EXIT_CODE"]);
        Assert.Equal("mailbox quota report failed: <ops@contoso.com> & 2 more", environment["EXOJOBS_ERROR"]);
        Assert.Equal("Schedule", environment["EXOJOBS_TRIGGER"]);
        Assert.Equal("1", environment["EXOJOBS_ATTEMPT"]);
        Assert.Equal("2026-06-01T12:00:00.000Z", environment["EXOJOBS_STARTED_AT"]);
        Assert.Equal("2026-06-01T12:00:02.410Z", environment["EXOJOBS_ENDED_AT"]);
        Assert.Equal("2.41", environment["EXOJOBS_DURATION"]);
        Assert.Equal("ops-01", environment["EXOJOBS_HOST"]);
        Assert.Equal(_runFolder, environment["EXOJOBS_RUN_FOLDER"]);
        Assert.Contains("delivered: exit code 0", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_HasNoErrorVariable_ForASucceededRun_EvenWhenExojobsInheritedOne()
    {
        Environment.SetEnvironmentVariable("EXOJOBS_ERROR", "left over from whoever started exojobs");
        try
        {
            await SendAsync(ShellWritingEnvironment(), TestPayloads.Succeeded(_runFolder));
        }
        finally
        {
            Environment.SetEnvironmentVariable("EXOJOBS_ERROR", null);
        }

        var environment = ReadWrittenEnvironment();
        Assert.Equal(("Succeeded", "0"), (environment["EXOJOBS_STATUS"], environment["EXOJOBS_EXIT_CODE"]));
        Assert.False(environment.ContainsKey("EXOJOBS_ERROR"));
    }

    [Fact]
    public async Task Command_IsRetriedOnce_AndReportedWithItsExitCodeAndFirstErrorLine()
    {
        CommandTarget failing = OperatingSystem.IsWindows()
            ? new("cmd.exe", ["/d", "/c", "echo pager unreachable 1>&2", "&", "exit", "/b", "3"])
            : new("/bin/sh", ["-c", "echo pager unreachable >&2; echo second line >&2; exit 3"]);

        var outcome = await SendAsync(failing, TestPayloads.Failed(_runFolder));

        Assert.Equal((false, 2, "exit code 3: pager unreachable"), (outcome.Delivered, outcome.Attempts, outcome.Problem));
        Assert.Contains("failed again: exit code 3: pager unreachable; given up (the run stays Failed)", _log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ThatCannotBeStarted_IsReported()
    {
        var missing = Path.Combine(_runFolder, "no-such-program");

        var outcome = await SendAsync(new CommandTarget(missing, []), TestPayloads.Failed(_runFolder));

        Assert.Equal(($"command {missing}", false, 2), (outcome.Target, outcome.Delivered, outcome.Attempts));
        Assert.StartsWith("could not be started: ", outcome.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ThatOutlivesItsAttempt_IsStopped_AndReported()
    {
        CommandTarget sleeping = OperatingSystem.IsWindows()
            ? new("cmd.exe", ["/d", "/c", "ping", "-n", "60", "127.0.0.1", ">", "NUL"])
            : new("/bin/sh", ["-c", "sleep 60"]);
        using var impatient = new NotificationDispatcher(TimeProvider.System, TimeSpan.FromMilliseconds(500), TimeSpan.Zero);

        var outcomes = await impatient.SendAsync([sleeping], TestPayloads.Failed(_runFolder), _log, CancellationToken.None);

        Assert.Equal((false, 2, "timed out after 0.5s"), (outcomes[0].Delivered, outcomes[0].Attempts, outcomes[0].Problem));
    }

    /// <summary>The system shell, writing its whole environment into env.txt in the folder it was started in.</summary>
    private static CommandTarget ShellWritingEnvironment() => OperatingSystem.IsWindows()
        ? new CommandTarget("cmd.exe", ["/d", "/c", "set", ">env.txt"])
        : new CommandTarget("/bin/sh", ["-c", "env > env.txt"]);

    private Dictionary<string, string> ReadWrittenEnvironment() =>
        File.ReadAllLines(Path.Combine(_runFolder, "env.txt"))
            .Where(line => line.StartsWith("EXOJOBS_", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private async Task<NotificationOutcome> SendAsync(NotificationTarget target, NotificationPayload payload) =>
        Assert.Single(await _dispatcher.SendAsync([target], payload, _log, CancellationToken.None));
}
