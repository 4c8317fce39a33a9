using System.Net;
using System.Net.Sockets;
using ExoJobRunner.Core.Scheduling;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Core.Tests.Scheduling;

public sealed class TransientFaultsTests
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
        { "ExchangeNoResponse",      new ExchangeCommandException("Get-Mailbox", null, null, "connection reset", null),                        true },
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
    public void IsTransient_RetriesOnlyConnectionAndThrottlingFaults(string spec, Exception? error, bool expected)
    {
        Assert.True(TransientFaults.IsTransient(error) == expected, spec);
    }
}
