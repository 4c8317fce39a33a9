using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.Hosting;

/// <summary>The sandbox compresses its answers as Exchange Online does, for a client that asks and only then.</summary>
public sealed class ResponseCompressionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("gzip", "gzip")]
    [InlineData(null, null)]
    public async Task InvokeCommand_CompressesItsAnswer_OnlyWhenTheClientAcceptsIt(string? acceptEncoding, string? contentEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, sandbox.Server.InvokeCommandUri)
        {
            Content = JsonContent.Create(new { CmdletInput = new { CmdletName = "Get-Mailbox", Parameters = new { ResultSize = 20 } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await sandbox.TokenAsync());
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(acceptEncoding));
        }

        using var response = await sandbox.Client.Http.SendAsync(request);

        Assert.Equal(contentEncoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var text = contentEncoding is null ? body : new GZipStream(body, CompressionMode.Decompress);
        using var page = await JsonDocument.ParseAsync(text);
        Assert.Equal(20, page.RootElement.GetProperty("value").GetArrayLength());
    }
}
