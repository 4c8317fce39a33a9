using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.PowerShellExchange;

/// <summary>
/// The Exchange cmdlets by their own names in a PowerShell body: real parameter binding by the generated proxies,
/// pipeline input, typed PSObjects, Exchange's errors as PowerShell errors, all on the run's shared session.
/// </summary>
public sealed class ExchangeCmdletTests(ExchangeSandboxFixture sandbox) : IClassFixture<ExchangeSandboxFixture>
{
    [Theory]
    [InlineData("$m = Get-Mailbox -ResultSize 3; \"count=$($m.Count)\"", "count=3")]
    [InlineData("\"count=$((Get-Mailbox -ResultSize Unlimited).Count)\"", "count=30")]
    [InlineData("\"type=$((Get-Mailbox -ResultSize 1).WhenCreated.GetType().FullName)\"", "type=System.DateTime")]
    [InlineData("\"type=$((Get-Mailbox -ResultSize 1).PSObject.TypeNames[0])\"", "type=ExoJobRunner.Exchange.Cmdlets.Mailbox")]
    [InlineData("\"size=$((Get-Mailbox -ResultSize 1 | Get-MailboxStatistics).TotalItemSize.Bytes -gt 0)\"", "size=True")]
    [InlineData("\"stats=$((Get-Mailbox -ResultSize 4 | Get-MailboxStatistics).Count)\"", "stats=4")]
    [InlineData("$alias = (Get-Mailbox -ResultSize 1).Alias; \"same=$(($alias | Get-Mailbox).Alias -eq $alias)\"", "same=True")]
    [InlineData("$alias = (Get-Mailbox -ResultSize 1).Alias; \"same=$((Get-Mailbox $alias).Alias -eq $alias)\"", "same=True")]
    [InlineData("Get-Mailbox -ResultSize 2 -OutVariable found -WarningAction SilentlyContinue -Verbose | Out-Null; \"found=$($found.Count)\"", "found=2")]
    [InlineData("\"domains=$(@(Invoke-ExchangeCmdlet Get-AcceptedDomain).Count -gt 0)\"", "domains=True")]
    public async Task Cmdlet_BindsAndStreamsTypedResults(string code, string expected)
    {
        var (outcome, log) = await sandbox.RunAsync(code);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Contains(expected, log.Messages);
    }

    [Fact]
    public async Task SetCmdlet_ChangesTheMailbox_OnTheSharedSession()
    {
        const string code = """
            $alias = (Get-Mailbox -ResultSize 1).Alias
            Set-Mailbox -Identity $alias -Office 'Exo Test Office' -CustomAttribute3 'tagged'
            $after = Get-Mailbox -Identity $alias
            "office=$($after.Office) custom=$($after.CustomAttribute3)"
            """;

        var (outcome, log) = await sandbox.RunAsync(code);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Contains("office=Exo Test Office custom=tagged", log.Messages);
    }

    [Fact]
    public async Task ExchangeError_IsNonTerminating_WhenTheJobSaysContinue_AndNamesTheProxysCmdlet()
    {
        const string code = """
            Get-Mailbox -Identity 'nobody-at-all'
            "command=$($Error[0].InvocationInfo.MyCommand.Name) category=$($Error[0].CategoryInfo.Category)"
            'after'
            """;

        var (outcome, log) = await sandbox.RunAsync(code, errorAction: PowerShellErrorAction.Continue);

        Assert.Equal(BodyOutcomeKind.CompletedWithErrors, outcome.Kind);
        var error = Assert.Single(log.Entries, entry => entry.Level == LogLevel.Error);
        Assert.Contains("couldn't be found", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("at line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("command=Get-Mailbox category=ObjectNotFound", log.Messages);
        Assert.Contains("after", log.Messages);
    }

    [Theory]
    [InlineData(PowerShellErrorAction.Stop,     "Get-Mailbox -Identity 'nobody-at-all'\n'after'")]
    [InlineData(PowerShellErrorAction.Continue, "Get-Mailbox -Identity 'nobody-at-all' -ErrorAction Stop\n'after'")]
    [InlineData(PowerShellErrorAction.Continue, "$ErrorActionPreference = 'Stop'\nGet-Mailbox -Identity 'nobody-at-all'\n'after'")]
    public async Task ExchangeError_FailsTheRun_ByDefault_OrWhereTheBodySaysStop(PowerShellErrorAction errorAction, string code)
    {
        var (outcome, log) = await sandbox.RunAsync(code, errorAction: errorAction);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("couldn't be found", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("after", log.Messages);
    }

    [Fact]
    public async Task ExchangeError_CanBeCaught_WithTryCatch()
    {
        const string code = "try { Get-Mailbox -Identity 'nobody-at-all' -ErrorAction Stop } catch { \"caught $($_.CategoryInfo.Category)\" }";

        var (outcome, log) = await sandbox.RunAsync(code);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Contains("caught ObjectNotFound", log.Messages);
    }

    [Theory]
    [InlineData("Get-Mailbox -Identiy 'someone'", "A parameter cannot be found that matches parameter name 'Identiy'.")]
    [InlineData("Get-Mailbox -ResultSize lots", "Cannot process argument transformation on parameter 'ResultSize'.")]
    [InlineData("Get-Mailbox -Identity 'a' -Anr 'b'", "Parameter set cannot be resolved using the specified named parameters.")]
    [InlineData("Get-MailboxStatistics", "missing mandatory parameters: Identity.")]
    public async Task BadCall_IsRefusedByPowerShellsBinding_BeforeAnyRequest_AndFailsTheRun(string call, string message)
    {
        var (outcome, log) = await sandbox.RunAsync(call + "\n'after'");

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Contains(message, outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("after", log.Messages);
    }

    [Fact]
    public async Task ConnectAndDisconnect_WarnAndLeaveTheSharedSessionAlone()
    {
        const string code = """
            Connect-ExchangeOnline -AppId '00000000-0000-0000-0000-000000000001' -Organization 'contoso.onmicrosoft.com' -ShowBanner:$false
            Disconnect-ExchangeOnline -Confirm:$false
            "count=$((Get-Mailbox -ResultSize 2).Count)"
            """;

        var (outcome, log) = await sandbox.RunAsync(code);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        var warnings = log.Entries.Where(entry => entry.Level == LogLevel.Warning).Select(entry => entry.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("Connect-ExchangeOnline is ignored: this job already runs on the shared Exchange Online session of profile 'sandbox'", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("Disconnect-ExchangeOnline is ignored: the shared Exchange Online session of profile 'sandbox' stays connected", warnings[1], StringComparison.Ordinal);
        Assert.Contains("count=2", log.Messages);
    }

    [Fact]
    public async Task Cmdlet_WithoutProfile_SaysHowToGiveTheJobOne()
    {
        var (outcome, log) = await sandbox.RunAsync("Connect-ExchangeOnline\nGet-Mailbox -ResultSize 1\n'after'", withProfile: false);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Contains(log.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("jobs connect through a connection profile", StringComparison.Ordinal));
        Assert.Contains(
            $"Get-Mailbox needs an Exchange session, but job '{ExchangeSandboxFixture.JobName}' has no connection profile: set `profile:` in the job",
            outcome.ErrorMessage,
            StringComparison.Ordinal);
        Assert.DoesNotContain("after", log.Messages);
    }

    [Fact]
    public async Task SessionVariable_CannotBeOverwrittenByTheBody_AndIsGoneForTheNextRun()
    {
        var (first, firstLog) = await sandbox.RunAsync(
            "$ExoJobRunnerExchangeSession = $null\n\"count=$((Get-Mailbox -ResultSize 1).Count)\"",
            errorAction: PowerShellErrorAction.Continue);
        var (second, secondLog) = await sandbox.RunAsync("\"present=$($null -ne $ExoJobRunnerExchangeSession)\"", withProfile: false);

        Assert.Equal(BodyOutcomeKind.CompletedWithErrors, first.Kind);
        Assert.Contains(firstLog.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("read-only", StringComparison.Ordinal));
        Assert.Contains("count=1", firstLog.Messages);
        Assert.Equal(BodyOutcomeKind.Succeeded, second.Kind);
        Assert.Contains("present=False", secondLog.Messages);
    }
}
