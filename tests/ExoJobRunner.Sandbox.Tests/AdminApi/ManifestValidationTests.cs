using System.Net;
using ExoJobRunner.Sandbox.Cmdlets;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.AdminApi;

/// <summary>
/// The sandbox checks cmdlet and parameter names against the cmdlet manifest the typed API and the PowerShell proxies are
/// generated from: a misspelling is refused as PowerShell refuses it, and a real name the sandbox does not emulate is
/// refused as such, not mistaken for a misspelling.
/// </summary>
public sealed class ManifestValidationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("Get-Mailboxes", "{}", "System.Management.Automation.CommandNotFoundException|The term 'Get-Mailboxes' is not recognized")]
    [InlineData("Get-InboxRule", "{}", "System.NotSupportedException|Get-InboxRule is an Exchange Online cmdlet, but the sandbox does not emulate it")]
    [InlineData("Get-Mailbox", "{\"Identiy\":\"x\"}", "System.Management.Automation.ParameterBindingException|A parameter cannot be found that matches parameter name 'Identiy'.")]
    [InlineData("Get-Mailbox", "{\"SoftDeletedMailbox\":true}", "System.NotSupportedException|-SoftDeletedMailbox is a parameter of Get-Mailbox, but the sandbox does not emulate it")]
    public async Task Invoke_RefusesNames_AsTheManifestDeclaresThem(string cmdlet, string parameters, string detail)
    {
        var response = await sandbox.Client.InvokeAsync(
            await sandbox.TokenAsync(), cmdlet, System.Text.Json.JsonDocument.Parse(parameters).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains(detail, response.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEmulatedCmdlet_AndItsParameters_AreDeclaredByTheManifest()
    {
        foreach (var cmdlet in CmdletRegistry.All)
        {
            var declared = Assert.Contains(cmdlet.Signature.Name, CmdletManifest.Cmdlets);
            Assert.All(cmdlet.Signature.Parameters, parameter => Assert.NotNull(declared.FindParameter(parameter.Name)));
        }
    }
}
