using System.Net;
using System.Net.Sockets;
using ExoJobRunner.Core.Scheduling;

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
