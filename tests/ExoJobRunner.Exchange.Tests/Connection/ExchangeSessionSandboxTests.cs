using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;
using ExoJobRunner.Exchange.Tests.Support;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// The session and its REST client against one shared, fault-free sandbox over loopback HTTPS, signed in through MSAL:
/// paging, wire format, writes, warnings, tokens, errors, cancellation and concurrency.
/// </summary>
public sealed class ExchangeSessionSandboxTests(SharedSandboxFixture fixture) : IClassFixture<SharedSandboxFixture>
{
    private const string AnchorMailbox = "UPN:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@";

    private static readonly string[] UserMailboxes = ["UserMailbox"];

    private static readonly string[] FullAccessAndReadPermission = ["FullAccess", "ReadPermission"];

    private SandboxHarness Sandbox => fixture.Sandbox;

    [Theory]
    //          resultSize   pageSize  expected
    [InlineData("Unlimited", 1_000,    SharedSandboxFixture.Mailboxes)]
    [InlineData("Unlimited", 100,      SharedSandboxFixture.Mailboxes)]
    [InlineData("60",        7,        60)]
    public async Task InvokeAsync_StreamsEveryResultAcrossPages_WithNothingLostOrRepeated(string resultSize, int pageSize, int expected)
    {
        var connected = Sandbox.Connect(new ExchangeClientOptions { PageSize = pageSize });

        var guids = new List<Guid>();
        await foreach (var mailbox in connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = resultSize }))
        {
            guids.Add(mailbox.Get<Guid>("ExchangeGuid"));
        }

        Assert.Equal(expected, guids.Count);
        Assert.Equal(expected, guids.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(expected / (double)pageSize), connected.InvokeCommandRequests.Count());
    }

    [Fact]
    public async Task InvokeAsync_EndsAtOnce_WhenNothingMatches()
    {
        var connected = Sandbox.Connect();

        var results = await connected.Session.InvokeAsync("Get-Mailbox", new { Filter = "DisplayName -eq 'Nobody By This Name'" }).ToListAsync();

        Assert.Empty(results);
        Assert.Single(connected.InvokeCommandRequests);
    }

    [Fact]
    public async Task InvokeAsync_SendsTheGuidesWireFormat_OnEveryPage()
    {
        var connected = Sandbox.Connect(new ExchangeClientOptions { PageSize = 10 });

        await connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = 25 }).DrainAsync();
        await connected.Session.InvokeAsync("Get-OrganizationConfig").DrainAsync();

        var requests = connected.InvokeCommandRequests.ToList();
        Assert.Equal(4, requests.Count);
        Assert.Equal(Sandbox.Server.InvokeCommandUri, requests[0].Uri);
        Assert.All(requests.Take(3), request =>
        {
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.StartsWith("Bearer ", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.Equal("json", request.Header("X-ResponseFormat"));
            Assert.Equal("odata.maxpagesize=10", request.Header("Prefer"));
            Assert.Equal("Get-Mailbox", request.Header("X-CmdletName"));
            Assert.Equal(AnchorMailbox + Sandbox.Server.Organization, request.Header("X-AnchorMailbox"));
            Assert.Equal("""{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"ResultSize":25}}}""", request.Body);
        });
        Assert.All(requests.Skip(1).Take(2), request => Assert.Contains("$skiptoken=", request.Uri.Query, StringComparison.Ordinal));
        Assert.Equal(4, requests.Select(request => Guid.Parse(request.Header("client-request-id")!)).Distinct().Count());
        Assert.Single(requests.Select(request => Guid.Parse(request.Header("connection-id")!)).Distinct());
    }

    [Fact]
    public async Task InvokeAsync_WritesThenReadsBack_SwitchesArraysDatesAndEnums()
    {
        var exo = Sandbox.Connect().Session;
        var mailboxes = await exo.InvokeAsync("Get-Mailbox", new { RecipientTypeDetails = UserMailboxes, ResultSize = 2 }).ToListAsync();
        var (owner, delegated) = (mailboxes[0].Get<string>("Identity"), mailboxes[1].Get<string>("UserPrincipalName"));
        var start = new DateTime(2031, 7, 1, 9, 30, 0, DateTimeKind.Utc);

        await exo.InvokeAsync("Set-Mailbox", new Dictionary<string, object?>
        {
            ["Identity"] = owner,
            ["DisplayName"] = "Renamed by exojobs",
            ["HiddenFromAddressListsEnabled"] = true,
        }).DrainAsync();
        await exo.InvokeAsync("Set-MailboxAutoReplyConfiguration", new
        {
            Identity = owner,
            AutoReplyState = OofState.Scheduled,
            StartTime = start.ToLocalTime(),
            EndTime = new DateTimeOffset(start.AddDays(14)),
        }).DrainAsync();
        var granted = await exo.InvokeAsync("Add-MailboxPermission", new
        {
            Identity = owner,
            User = delegated,
            AccessRights = FullAccessAndReadPermission,
            AutoMapping = false,
        }).ToListAsync();

        var mailbox = Assert.Single(await exo.InvokeAsync("Get-Mailbox", new { Identity = owner }).ToListAsync());
        var autoReply = Assert.Single(await exo.InvokeAsync("Get-MailboxAutoReplyConfiguration", new { Identity = owner }).ToListAsync());
        var permission = Assert.Single(await exo.InvokeAsync("Get-MailboxPermission", new { Identity = owner, User = delegated }).ToListAsync());
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
        var mailbox = Assert.Single(await Sandbox.Connect().Session.InvokeAsync("Get-Mailbox", new { ResultSize = 1 }).ToListAsync());

        Assert.NotEqual(Guid.Empty, mailbox.Get<Guid>("ExchangeGuid"));
        Assert.Equal(DateTimeKind.Utc, mailbox.Get<DateTime>("WhenCreated").Kind);
        Assert.Contains(mailbox.Get<string[]>("EmailAddresses"), address => address.StartsWith("SMTP:", StringComparison.Ordinal));
        Assert.IsType<bool>(mailbox["IsMailboxEnabled"]);
    }

    [Fact]
    public async Task InvokeAsync_SendsExchangeWarnings_ToTheLogOfTheRunThatCalled()
    {
        var shared = Sandbox.Connect().Session;
        var (firstRunLog, secondRunLog) = (new CollectingLogger(), new CollectingLogger());
        var identity = (await shared.InvokeAsync("Get-Mailbox", new { ResultSize = 1 }).ToListAsync())[0].Get<string>("Identity");
        var unchanged = new { Identity = identity, DisplayName = "Same Twice" };
        await shared.ForRun(secondRunLog).InvokeAsync("Set-Mailbox", unchanged).DrainAsync();

        await shared.ForRun(firstRunLog).InvokeAsync("Set-Mailbox", unchanged).DrainAsync();

        var warning = Assert.Single(firstRunLog.Warnings);
        Assert.StartsWith("Set-Mailbox: ", warning, StringComparison.Ordinal);
        Assert.EndsWith($"no settings of '{identity}' have been modified.", warning, StringComparison.Ordinal);
        Assert.Empty(secondRunLog.Warnings);
    }

    [Fact]
    public async Task InvokeAsync_AsksMsalBeforeEachRequest_ButSignsInOnce()
    {
        var connected = Sandbox.Connect(new ExchangeClientOptions { PageSize = 10 });

        for (var call = 0; call < 3; call++)
        {
            await connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = 30 }).DrainAsync();
        }

        Assert.Equal(9, connected.InvokeCommandRequests.Count());
        Assert.Single(connected.TokenRequests);
    }

    [Fact]
    public async Task InvokeAsync_FetchesAFreshToken_WhenExchangeAnswers401()
    {
        var clock = new RecordingTimeProvider();
        var connected = Sandbox.Connect(RetryTestOptions.With(clock));
        await connected.Session.InvokeAsync("Get-OrganizationConfig").DrainAsync();

        Sandbox.Server.RevokeIssuedTokens();
        var mailboxes = await connected.Session.InvokeAsync("Get-Mailbox", new { ResultSize = 10 }).ToListAsync();

        Assert.Equal(10, mailboxes.Count);
        Assert.Equal(2, connected.TokenRequests.Count());
        Assert.Empty(clock.Waits);
    }

    [Theory]
    [InlineData("Get-Mailbox", "NoSuchParameter", 400, "BadRequest", "A parameter cannot be found that matches parameter name 'NoSuchParameter'.", "ParameterBindingException")]
    [InlineData("Get-Mailbox", "Identity", 404, "NotFound", "The operation couldn't be performed because object 'nobody-here' couldn't be found", "ManagementObjectNotFoundException")]
    [InlineData("Get-NoSuchThing", null, 400, "BadRequest", "The term 'Get-NoSuchThing' is not recognized", "CommandNotFoundException")]
    public async Task InvokeAsync_NeverRetriesTheCallersMistakes_AndReportsEveryField(
        string cmdlet, string? parameter, int status, string code, string message, string exceptionType)
    {
        var clock = new RecordingTimeProvider();
        var connected = Sandbox.Connect(RetryTestOptions.With(clock));
        var parameters = parameter is null ? null : new Dictionary<string, object?> { [parameter] = "nobody-here" };

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() => connected.Session.InvokeAsync(cmdlet, parameters).DrainAsync());

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
    public async Task InvokeAsync_TriesOneFreshToken_ForA401ForARoleTooNarrow_ThenReportsTheRefusal()
    {
        var clock = new RecordingTimeProvider();
        var connected = Sandbox.Connect(RetryTestOptions.With(clock), appId: SandboxHarness.ReaderAppId);

        var error = await Assert.ThrowsAsync<ExchangeCommandException>(() =>
            connected.Session.InvokeAsync("Set-Mailbox", new { Identity = "anyone", DisplayName = "x" }).DrainAsync());

        Assert.Equal(401, (int)error.HttpStatus!);
        Assert.Contains("User is not allowed to call Set-Mailbox", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, connected.InvokeCommandRequests.Count());
        Assert.Equal(2, connected.TokenRequests.Count());
        Assert.Empty(clock.Waits);
    }

    [Theory]
    [InlineData("unknown app", "AADSTS700016", "was not found in tenant")]
    [InlineData("unregistered certificate", "AADSTS700027", "Upload this certificate's public part")]
    public async Task InvokeAsync_ExplainsTokenRefusals_AsConnectionErrors(string scenario, string code, string advice)
    {
        using var unregistered = TestCertificates.Create(subject: "CN=not-uploaded", keySize: 3072);
        var connected = scenario == "unknown app"
            ? Sandbox.Connect(appId: "0d9e8f7a-1111-4222-8333-944455556666")
            : Sandbox.Connect(certificate: unregistered);

        var error = await Assert.ThrowsAsync<ExchangeConnectionException>(() => connected.Session.InvokeAsync("Get-Mailbox").DrainAsync());

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
        Assert.Empty(connected.InvokeCommandRequests);
    }

    [Theory]
    [InlineData("before the first request", 0)]
    [InlineData("between results", 5)]
    public async Task InvokeAsync_StopsWhenCancelled(string moment, int expectedReceived)
    {
        using var cancellation = new CancellationTokenSource();
        var connected = Sandbox.Connect(new ExchangeClientOptions { PageSize = 10 });
        if (moment == "before the first request")
        {
            await cancellation.CancelAsync();
        }

        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in connected.Session.InvokeAsync("Get-Mailbox", cancellationToken: cancellation.Token))
            {
                if (++received == 5)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(expectedReceived, received);
    }

    [Fact]
    public async Task InvokeAsync_ServesConcurrentCallers_OnOneSharedSession()
    {
        var connected = Sandbox.Connect(new ExchangeClientOptions { PageSize = 40 });
        await connected.Session.InvokeAsync("Get-OrganizationConfig").DrainAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async run =>
        {
            var names = new HashSet<string>();
            await foreach (var mailbox in connected.Session.ForRun(new CollectingLogger()).InvokeAsync("Get-Mailbox", new { ResultSize = 300 }))
            {
                names.Add(mailbox.Get<string>("Identity"));
            }

            return names.Count;
        }));

        Assert.All(counts, count => Assert.Equal(300, count));
        Assert.Single(connected.TokenRequests);
        Assert.Single(connected.InvokeCommandRequests.Select(request => request.Header("connection-id")).Distinct());
    }

    /// <summary>Exchange's Microsoft.Exchange.Data.Storage.OofState, as a job would declare it.</summary>
    public enum OofState
    {
        Disabled,
        Enabled,
        Scheduled,
    }
}
