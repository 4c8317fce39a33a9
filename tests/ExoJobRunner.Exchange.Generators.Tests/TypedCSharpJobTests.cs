using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Generators.Tests.Support;
using ExoJobRunner.Scripting.CSharp;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>
/// A C# job that uses only the typed API, run by the real C# engine against the sandbox tenant: reads stream typed
/// results, writes change the tenant, Exchange's refusals surface as exceptions the job can catch.
/// </summary>
public sealed class TypedCSharpJobTests(SandboxSessionFixture sandbox) : IClassFixture<SandboxSessionFixture>
{
    private readonly CSharpBodyEngine _engine = new();

    [Fact]
    public async Task Run_TypedJob_ReadsAndChangesTheSandboxTenant()
    {
        var body = sandbox.CSharpBody("""
            var count = 0;
            string? first = null;
            await foreach (var mailbox in Exo.GetMailbox(resultSize: ResultSize.Unlimited, cancellationToken: CancellationToken))
            {
                count++;
                first ??= mailbox.Alias;
                if (mailbox.WhenCreated is not DateTime created || created.Kind != DateTimeKind.Utc)
                {
                    return 2;
                }
            }

            Log.LogInformation("mailboxes={Count}", count);

            await foreach (var statistics in Exo.GetMailboxStatistics(identity: first!, cancellationToken: CancellationToken))
            {
                Log.LogInformation("sized={Sized}", statistics.TotalItemSize?.Bytes > 0);
            }

            await Exo.SetMailbox(identity: first!, office: "Typed Office", customAttribute7: "typed", cancellationToken: CancellationToken);
            await foreach (var changed in Exo.GetMailbox(identity: first, cancellationToken: CancellationToken))
            {
                Log.LogInformation("office={Office} custom={Custom}", changed.Office, changed["CustomAttribute7"]);
            }

            var few = 0;
            await foreach (var _ in Exo.GetMailbox(resultSize: 3, cancellationToken: CancellationToken))
            {
                few++;
            }

            Log.LogInformation("few={Few}", few);
            """);
        var log = new CollectingLogger();

        var outcome = await _engine.RunAsync(body, sandbox.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal(
            [$"mailboxes={SandboxSessionFixture.Mailboxes}", "sized=True", "office=Typed Office custom=typed", "few=3"],
            log.Entries.Where(entry => entry.Level == LogLevel.Information).Select(entry => entry.Message));
    }

    [Fact]
    public async Task Run_TypedJob_CatchesExchangesRefusal()
    {
        var body = sandbox.CSharpBody("""
            try
            {
                await foreach (var mailbox in Exo.GetMailbox(identity: "nobody-at-all", cancellationToken: CancellationToken))
                {
                }
            }
            catch (ExoJobRunner.Exchange.Rest.ExchangeCommandException exception)
            {
                Log.LogInformation("refused {Status}: {Cmdlet}", (int?)exception.HttpStatus, exception.CmdletName);
            }
            """);
        var log = new CollectingLogger();

        var outcome = await _engine.RunAsync(body, sandbox.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Contains("refused 404: Get-Mailbox", log.Messages);
    }
}
