using System.Text.Json;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Results;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>The session and its REST client against the real sandbox over loopback HTTPS, signed in through MSAL.</summary>
public sealed class ExchangeSessionSandboxTests
{
    private const string AnchorMailbox = "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private static readonly string[] UserMailboxes = ["UserMailbox"];

    private static readonly string[] FullAccessAndReadPermission = ["FullAccess", "ReadPermission"];

    [Theory]
    //          mailboxes  pageSize
    [InlineData(2_500,     1_000)]
    [InlineData(2_500,     100)]
    [InlineData(60,        7)]
    [InlineData(0,         10)]
    public async Task InvokeAsync_StreamsEveryMailboxAcrossPages_WithNothingLostOrRepeated(int mailboxes, int pageSize)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes);
        var connected = sandbox.Connect(new ExchangeClientOptions { PageSize = pageSize });

        var guids = new List<Guid>();
        await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
        {
            guids.Add(mailbox.Get<Guid>("ExchangeGuid"));
        }

        Assert.Equal(sandbox.Server.MailboxCount, guids.Count);
        Assert.Equal(guids.Count, guids.Distinct().Count());
        Assert.Equal(Math.Max(1, (int)Math.Ceiling(mailboxes / (double)pageSize)), connected.InvokeCommandRequests.Count());
    }

    [Fact]
    public async Task InvokeAsync_SendsTheGuidesWireFormat_OnEveryPage()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 25);
        var connected = sandbox.Connect(new ExchangeClientOptions { PageSize = 10 });

        await Drain(connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }));
        await Drain(connected.Session.InvokeAsync("Get-OrganizationConfig"));

        var requests = connected.InvokeCommandRequests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(sandbox.Server.InvokeCommandUri, requests[0].Uri);
        Assert.All(requests.Take(3), request =>
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.StartsWith("Bearer ", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal("json", request.Header("X-ResponseFormat"));
            Assert.Equal("odata.maxpagesize=10", request.Header("Prefer"));
            Assert.Equal("Get-Mailbox", request.Header("X-CmdletName"));
            Assert.Equal(AnchorMailbox + sandbox.Server.Organization, request.Header("X-AnchorMailbox"));
            Assert.Equal("""{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"ResultSize":"Unlimited"}}}""", request.Body);
        });
        Assert.All(requests.Skip(1).Take(2), request => Assert.Contains("$skiptoken=", request.Uri.Query, StringComparison.Ordinal));
        Assert.Equal(4, requests.Select(request => Guid.Parse(request.Header("client-request-id")!)).Distinct().Count());
        Assert.Single(requests.Select(request => Guid.Parse(request.Header("connection-id")!)).Distinct());
    }

    [Fact]
    public async Task InvokeAsync_WritesThenReadsBack_SwitchesArraysDatesAndEnums()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 20);
        var exo = sandbox.Connect().Session;
        var mailboxes = await ToList(exo.InvokeAsync("Get-Mailbox", new { RecipientTypeDetails = UserMailboxes }));
        var (owner, delegated) = (mailboxes[0].Get<string>("Identity"), mailboxes[1].Get<string>("UserPrincipalName"));
        var start = new DateTime(2031, 7, 1, 9, 30, 0, DateTimeKind.Utc);

        await Drain(exo.InvokeAsync("Set-Mailbox", new Dictionary<string, object?>
        {
            ["Identity"] = owner,
            ["DisplayName"] = "Renamed by exojobs",
            ["HiddenFromAddressListsEnabled"] = true,
        }));
        await Drain(exo.InvokeAsync("Set-MailboxAutoReplyConfiguration", new
        {
            Identity = owner,
            AutoReplyState = OofState.Scheduled,
            StartTime = start.ToLocalTime(),
            EndTime = new DateTimeOffset(start.AddDays(14)),
        }));
        var granted = await ToList(exo.InvokeAsync("Add-MailboxPermission", new
        {
            Identity = owner,
            User = delegated,
            AccessRights = FullAccessAndReadPermission,
            AutoMapping = false,
        }));

        var mailbox = Assert.Single(await ToList(exo.InvokeAsync("Get-Mailbox", new { Identity = owner })));
        var autoReply = Assert.Single(await ToList(exo.InvokeAsync("Get-MailboxAutoReplyConfiguration", new { Identity = owner })));
        var permission = Assert.Single(await ToList(exo.InvokeAsync("Get-MailboxPermission", new { Identity = owner, User = delegated })));
        Assert.Equal("Renamed by exojobs", mailbox.Get<string>("DisplayName"));
        Assert.True(mailbox.Get<bool>("HiddenFromAddressListsEnabled"));
        Assert.Equal(OofState.Scheduled, autoReply.Get<OofState>("AutoReplyState"));
        Assert.Equal(start, autoReply.Get<DateTime>("StartTime"));
        Assert.Equal(start.AddDays(14), autoReply.Get<DateTime>("EndTime"));
        Assert.Equal(["FullAccess, ReadPermission"], Assert.Single(granted).Get<string[]>("AccessRights"));
        Assert.Equal(["FullAccess, ReadPermission"], permission.Get<string[]>("AccessRights"));
    }

    [Fact]
    public async Task InvokeAsync_ConvertsRealResults_ToDotNetTypes()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);

        var mailbox = (await ToList(sandbox.Connect().Session.InvokeAsync("Get-Mailbox", new { ResultSize = 1 })))[0];

        Assert.NotEqual(Guid.Empty, mailbox.Get<Guid>("ExchangeGuid"));
        Assert.Equal(DateTimeKind.Utc, mailbox.Get<DateTime>("WhenCreated").Kind);
        Assert.Contains(mailbox.Get<string[]>("EmailAddresses"), address => address.StartsWith("SMTP:", StringComparison.Ordinal));
        Assert.IsType<bool>(mailbox["IsMailboxEnabled"]);
    }

    [Fact]
    public async Task InvokeAsync_SendsExchangeWarnings_ToTheLogOfTheRunThatCalled()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        var shared = sandbox.Connect().Session;
        var (firstRunLog, secondRunLog) = (new CollectingLogger(), new CollectingLogger());
        var identity = (await ToList(shared.InvokeAsync("Get-Mailbox", new { ResultSize = 1 })))[0].Get<string>("Identity");
        var unchanged = new { Identity = identity, DisplayName = "Same Twice" };
        await Drain(shared.ForRun(secondRunLog).InvokeAsync("Set-Mailbox", unchanged));

        await Drain(shared.ForRun(firstRunLog).InvokeAsync("Set-Mailbox", unchanged));

        var warning = Assert.Single(firstRunLog.Warnings);
        Assert.StartsWith("Set-Mailbox: ", warning, StringComparison.Ordinal);
        Assert.Contains("no settings have been modified", warning, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(secondRunLog.Warnings);
    }

    [Fact]
    public async Task InvokeAsync_AsksMsalBeforeEachRequest_ButSignsInOnce()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 30);
        var connected = sandbox.Connect(new ExchangeClientOptions { PageSize = 10 });

        for (var call = 0; call < 3; call++)
        {
            await Drain(connected.Session.InvokeAsync("Get-Mailbox"));
        }

        Assert.Equal(9, connected.InvokeCommandRequests.Count());
        Assert.Single(connected.TokenRequests);
    }

    [Fact]
    public async Task InvokeAsync_FetchesAFreshToken_WhenExchangeAnswers401()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 10);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        await Drain(connected.Session.InvokeAsync("Get-Mailbox"));

        sandbox.Server.RevokeIssuedTokens();
        var mailboxes = await ToList(connected.Session.InvokeAsync("Get-Mailbox"));

        Assert.Equal(10, mailboxes.Count);
        Assert.Equal(2, connected.TokenRequests.Count());
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.Waits);
    }

    [Fact]
    public async Task InvokeAsync_DeliversEverything_ThroughInjected429s503sDropsAndRevocations()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 600, faults: "429:0.1:7s,503:0.1,drop:0.05,revoke:0.05");
        var clock = new RecordingTimeProvider();
        var log = new CollectingLogger();
        var connected = sandbox.Connect(RetryTestOptions.With(clock, pageSize: 25), logger: log);

        var names = new List<string>();
        await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
        {
            names.Add(mailbox.Get<string>("Identity"));
        }

        Assert.Equal(600, names.Count);
        Assert.Equal(600, names.Distinct().Count());
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Waits);
        Assert.Contains(TimeSpan.FromSeconds(2), clock.Waits);
        Assert.Equal(clock.Waits.Count, log.Warnings.Count(warning => warning.Contains("trying again", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("503:1", 503, new[] { 2, 4, 8, 16 })]
    [InlineData("429:1:3s", 429, new[] { 3, 3, 3, 3 })]
    public async Task InvokeAsync_GivesUpAfterFiveTries_WaitingBackoffOrRetryAfter(string faults, int status, int[] expectedWaitSeconds)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5, faults);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => Drain(connected.Session.InvokeAsync("Get-Mailbox")));

        Assert.Equal(status, (int)error.HttpStatus!);
        Assert.Equal(expectedWaitSeconds.Select(seconds => TimeSpan.FromSeconds(seconds)), clock.Waits);
        Assert.Equal(5, connected.InvokeCommandRequests.Count());
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task InvokeAsync_RetriesAConnectionCutMidPage_WithoutRepeatingResults()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 40, faults: "drop:1");
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        var received = new List<string>();

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(async () =>
        {
            await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox"))
            {
                received.Add(mailbox.Get<string>("Identity"));
            }
        });

        Assert.Null(error.HttpStatus);
        Assert.Equal([2, 4, 8, 16], clock.Waits.Select(wait => (int)wait.TotalSeconds));
        Assert.NotEmpty(received);
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Theory]
    [InlineData("Get-Mailbox", "NoSuchParameter", 400, "BadRequest", "A parameter cannot be found that matches parameter name 'NoSuchParameter'.", "ParameterBindingException")]
    [InlineData("Get-Mailbox", "Identity", 404, "NotFound", "The operation couldn't be performed because object 'nobody-here' couldn't be found", "ManagementObjectNotFoundException")]
    [InlineData("Get-NoSuchThing", null, 400, "BadRequest", "The term 'Get-NoSuchThing' is not recognized", "CommandNotFoundException")]
    public async Task InvokeAsync_NeverRetriesTheCallersMistakes_AndReportsEveryField(
        string cmdlet, string? parameter, int status, string code, string message, string exceptionType)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock));
        var parameters = parameter is null ? null : new Dictionary<string, object?> { [parameter] = "nobody-here" };

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => Drain(connected.Session.InvokeAsync(cmdlet, parameters)));

        var request = Assert.Single(connected.InvokeCommandRequests);
        Assert.Empty(clock.Waits);
        Assert.Equal(cmdlet, error.CmdletName);
        Assert.Equal(status, (int)error.HttpStatus!);
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(message, error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(exceptionType, error.ExceptionType);
        Assert.Equal(request.Header("client-request-id"), error.ClientRequestId);
        Assert.True(Guid.TryParse(error.RequestId, out _));
        Assert.Contains(cmdlet, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_RetriesA401ForARoleTooNarrow_WithAFreshTokenEachTime_ThenReportsIt()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        var clock = new RecordingTimeProvider();
        var connected = sandbox.Connect(RetryTestOptions.With(clock), appId: SandboxHarness.ReaderAppId);

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() =>
            Drain(connected.Session.InvokeAsync("Set-Mailbox", new { Identity = "anyone", DisplayName = "x" })));

        Assert.Equal(401, (int)error.HttpStatus!);
        Assert.Contains("User is not allowed to call Set-Mailbox", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, connected.InvokeCommandRequests.Count());
        Assert.Equal(5, connected.TokenRequests.Count());
    }

    [Theory]
    [InlineData("unknown app", "AADSTS700016", "was not found in tenant")]
    [InlineData("unregistered certificate", "AADSTS700027", "Upload this certificate's public part")]
    public async Task InvokeAsync_ExplainsTokenRefusals_AsConnectionErrors(string scenario, string code, string advice)
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 5);
        using var unregistered = TestCertificates.Create(subject: "CN=not-uploaded");
        var connected = scenario == "unknown app"
            ? sandbox.Connect(appId: "0d9e8f7a-1111-4222-8333-944455556666")
            : sandbox.Connect(certificate: unregistered);

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => Drain(connected.Session.InvokeAsync("Get-Mailbox")));

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Empty(connected.InvokeCommandRequests);
    }

    [Theory]
    [InlineData("while waiting to retry")]
    [InlineData("while waiting for a response")]
    [InlineData("between results")]
    [InlineData("before the first request")]
    public async Task InvokeAsync_StopsWhenCancelled(string moment)
    {
        var faults = moment switch
        {
            "while waiting to retry" => "503:1",
            "while waiting for a response" => "slow:1:10m",
            _ => null,
        };
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 30, faults);
        using var cancellation = new CancellationTokenSource();
        var clock = new RecordingTimeProvider { WaitsElapse = false, WaitStarted = _ => cancellation.Cancel() };
        var connected = sandbox.Connect(RetryTestOptions.With(clock, pageSize: 10));
        if (moment == "before the first request")
        {
            await cancellation.CancelAsync();
        }

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var results = connected.Session.InvokeAsync("Get-Mailbox", cancellationToken: cancellation.Token);
            if (moment == "while waiting for a response")
            {
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));
            }

            await foreach (var unused in results)
            {
                if (++received == 5 && moment == "between results")
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(moment == "between results" ? 5 : 0, received);
    }

    [Fact]
    public async Task InvokeAsync_ServesConcurrentCallers_OnOneSharedSession()
    {
        await using var sandbox = await SandboxHarness.StartAsync(mailboxes: 300);
        var connected = sandbox.Connect(new ExchangeClientOptions { PageSize = 40 });
        await Drain(connected.Session.InvokeAsync("Get-OrganizationConfig"));

        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async run =>
        {
            var names = new HashSet<string>();
            await foreach (var mailbox in connected.Session.ForRun(new CollectingLogger()).InvokeAsync("Get-Mailbox", new { ResultSize = "Unlimited" }))
            {
                names.Add(mailbox.Get<string>("Identity"));
            }

            return names.Count;
        }));

        Assert.All(counts, count => Assert.Equal(300, count));
        Assert.Single(connected.TokenRequests);
        Assert.Single(connected.InvokeCommandRequests.Select(request => request.Header("connection-id")).Distinct());
    }

    private static async Task Drain(IAsyncEnumerable<ExchangeObject> results)
    {
        await foreach (var unused in results)
        {
        }
    }

    private static async Task<List<ExchangeObject>> ToList(IAsyncEnumerable<ExchangeObject> results)
    {
        var list = new List<ExchangeObject>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    /// <summary>Exchange's Microsoft.Exchange.Data.Storage.OofState, as a job would declare it.</summary>
    public enum OofState
    {
        Disabled,
        Enabled,
        Scheduled,
    }
}
