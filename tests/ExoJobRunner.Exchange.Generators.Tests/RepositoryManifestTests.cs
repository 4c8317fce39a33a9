using ExoJobRunner.Exchange.Cmdlets;
using ExoJobRunner.Exchange.Generators.Tests.Support;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>The repository's manifest: clean, and covering the cmdlets admins automate most.</summary>
public sealed class RepositoryManifestTests
{
    [Fact]
    public void Generate_ReadsTheRepositoryManifest_WithoutDiagnostics()
    {
        var result = GeneratorHarness.Run(RepositoryManifest.Read());

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.GeneratedSources);
    }

    [Fact]
    public void Catalog_HasAtLeastThirtyCmdlets()
    {
        Assert.True(ExchangeCmdletCatalog.Cmdlets.Count >= 30, $"the manifest has {ExchangeCmdletCatalog.Cmdlets.Count} cmdlets; at least 30 are wanted");
    }

    [Fact]
    public void Catalog_GivesEveryGetCmdletATypedResult()
    {
        Assert.All(
            ExchangeCmdletCatalog.Cmdlets.Where(cmdlet => cmdlet.Name.StartsWith("Get-", StringComparison.Ordinal)),
            cmdlet => Assert.NotNull(cmdlet.CreateResult));
    }

    [Theory]
    [InlineData("Get-Mailbox")]
    [InlineData("Set-Mailbox")]
    [InlineData("Get-EXOMailbox")]
    [InlineData("Get-MailboxStatistics")]
    [InlineData("Get-EXOMailboxStatistics")]
    [InlineData("Get-MailboxPermission")]
    [InlineData("Get-EXOMailboxPermission")]
    [InlineData("Add-MailboxPermission")]
    [InlineData("Remove-MailboxPermission")]
    [InlineData("Get-RecipientPermission")]
    [InlineData("Add-RecipientPermission")]
    [InlineData("Remove-RecipientPermission")]
    [InlineData("Get-Recipient")]
    [InlineData("Get-EXORecipient")]
    [InlineData("Get-DistributionGroup")]
    [InlineData("Get-DistributionGroupMember")]
    [InlineData("Add-DistributionGroupMember")]
    [InlineData("Remove-DistributionGroupMember")]
    [InlineData("Get-UnifiedGroup")]
    [InlineData("Get-UnifiedGroupLinks")]
    [InlineData("Get-MailboxFolderStatistics")]
    [InlineData("Get-InboxRule")]
    [InlineData("Get-CASMailbox")]
    [InlineData("Set-CASMailbox")]
    [InlineData("Get-MailboxAutoReplyConfiguration")]
    [InlineData("Set-MailboxAutoReplyConfiguration")]
    [InlineData("Get-OrganizationConfig")]
    [InlineData("Get-AcceptedDomain")]
    [InlineData("Get-MessageTraceV2")]
    [InlineData("Get-User")]
    [InlineData("Get-MobileDevice")]
    public void Catalog_HasCmdletAdminsAutomate(string cmdletName)
    {
        var cmdlet = ExchangeCmdletCatalog.Find(cmdletName);

        Assert.NotNull(cmdlet);
        Assert.Contains("[CmdletBinding(", cmdlet.ProxyFunction, StringComparison.Ordinal);
    }
}
