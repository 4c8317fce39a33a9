using System.Net;
using ExoJobRunner.Exchange.Rest;

namespace ExoJobRunner.Exchange.Tests.Rest;

public sealed class ExchangeCommandExceptionTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ParameterBindingException", "req-1", "Get-Mailbox failed (HTTP 400 (Bad Request), error ParameterBindingException, request id req-1): A parameter cannot be found.")]
    [InlineData(HttpStatusCode.Forbidden, null, "req-2", "Get-Mailbox failed (HTTP 403 (Forbidden), request id req-2): A parameter cannot be found.")]
    [InlineData(null, null, null, "Get-Mailbox failed (no response): A parameter cannot be found.")]
    public void Message_SurfacesCmdletStatusCodeAndRequestId(HttpStatusCode? status, string? code, string? requestId, string expected)
    {
        var exception = new ExchangeCommandException("Get-Mailbox", status, code, "A parameter cannot be found.", requestId);

        Assert.Equal(expected, exception.Message);
        Assert.Equal("Get-Mailbox", exception.CmdletName);
        Assert.Equal(status, exception.HttpStatus);
        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(requestId, exception.RequestId);
    }
}
