using System.Net;
using System.Net.Sockets;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Resilience;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Resilience;

/// <summary>The one table of what is transient, as the client's request retries and the runner's run retries read it.</summary>
public sealed class ExchangeTransientFaultsTests
{
    public static TheoryData<string, Exception?, bool> Faults => new()
    {
        { "NoError",                 null,                                                                                   false },
        { "ConnectionFailed",        new HttpRequestException("connection refused"),                                          true },
        { "Throttled429",            new HttpRequestException("slow down", null, HttpStatusCode.TooManyRequests),             true },
        { "Unavailable503",          new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable),                true },
        { "GatewayTimeout504",       new HttpRequestException("gateway", null, HttpStatusCode.GatewayTimeout),                 true },
        { "Forbidden403",            new HttpRequestException("no role", null, HttpStatusCode.Forbidden),                      false },
        { "BadRequest400",           new HttpRequestException("bad filter", null, HttpStatusCode.BadRequest),                  false },
        { "SocketReset",             new SocketException((int)SocketError.ConnectionReset),                                    true },
        { "HttpClientTimeout",       new TaskCanceledException("timed out", new TimeoutException()),                           true },
        { "WrappedByPowerShell",     new InvalidOperationException("cmdlet failed", new HttpRequestException("reset")),        true },
        { "InsideAggregate",         new AggregateException(new ArgumentException("x"), new SocketException(10054)),          true },
        { "ExchangeThrottled",       new ExchangeCommandException("Get-Mailbox", HttpStatusCode.TooManyRequests, "Throttled", "slow down", "r1"),  true },
        { "ExchangeUnavailable",     new ExchangeCommandException("Get-Mailbox", HttpStatusCode.ServiceUnavailable, null, "busy", "r2"),         true },
        { "ExchangeServerError",     new ExchangeCommandException("Get-Mailbox", HttpStatusCode.InternalServerError, null, "oops", "r6"),        true },
        { "ExchangeNoResponse",      new ExchangeCommandException("Get-Mailbox", null, null, "connection reset", null),                        true },
        { "ExchangeUnauthorized",    new ExchangeCommandException("Get-Mailbox", HttpStatusCode.Unauthorized, null, "no role", "r7"),          false },
        { "ExchangeForbidden",       new ExchangeCommandException("Get-Mailbox", HttpStatusCode.Forbidden, "Denied", "not allowed", "r3"),      false },
        { "ExchangeBadParameter",    new ExchangeCommandException("Set-Mailbox", HttpStatusCode.BadRequest, "BadArg", "no such mailbox", "r4"), false },
        { "WrappedInPowerShell",     new InvalidOperationException("Get-Mailbox failed", new ExchangeCommandException("Get-Mailbox", HttpStatusCode.GatewayTimeout, null, "timeout", "r5")), true },
        { "EntraRefused",            new ExchangeConnectionException("AADSTS700016: app not found") { ErrorCode = "AADSTS700016" },           false },
        { "TokenEndpointUnreachable", new ExchangeConnectionException("cannot reach login.microsoftonline.com", new HttpRequestException("reset")), true },
        { "ScriptError",             new InvalidOperationException("mailbox not found"),                                       false },
        { "FileNotFound",            new FileNotFoundException("report.csv"),                                                  false },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void IsTransient_RetriesOnlyConnectionThrottlingAndServerFaults(string spec, Exception? error, bool expected)
    {
        Assert.True(ExchangeTransientFaults.Instance.IsTransient(error) == expected, spec);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout,      ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.TooManyRequests,     ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.InternalServerError, ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.BadGateway,          ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.ServiceUnavailable,  ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.GatewayTimeout,      ExchangeFaultKind.Transient)]
    [InlineData(HttpStatusCode.Unauthorized,        ExchangeFaultKind.TokenRejected)]
    [InlineData(HttpStatusCode.Forbidden,           ExchangeFaultKind.Refused)]
    [InlineData(HttpStatusCode.BadRequest,          ExchangeFaultKind.CallerError)]
    [InlineData(HttpStatusCode.NotFound,            ExchangeFaultKind.CallerError)]
    public void Classify_SaysWhatAStatusMeansForTryingAgain(HttpStatusCode status, ExchangeFaultKind expected)
    {
        Assert.Equal(expected, ExchangeTransientFaults.Classify(status));
    }
}
