using System.Net;
using ExoJobRunner.Sandbox.Tests.Support;

namespace ExoJobRunner.Sandbox.Tests.AdminApi;

public sealed class PagingTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task GetMailbox_PagesTheWholeTenant_ThousandAtATime_WithNothingLostOrRepeated()
    {
        var pages = await sandbox.Client.AllPagesAsync(await sandbox.TokenAsync(), "Get-Mailbox", new { ResultSize = "Unlimited" }, maxPageSize: 1000);

        Assert.Equal(SandboxFixture.Mailboxes / 1000, pages.Count);
        Assert.All(pages, page => Assert.Equal(1000, page.Value.Count));
        Assert.All(pages, page => Assert.Empty(page.Warnings));
        var ids = pages.SelectMany(page => page.Value).Select(m => m.GetProperty("ExternalDirectoryObjectId").GetString()).ToList();
        Assert.Equal(SandboxFixture.Mailboxes, ids.Count);
        Assert.Equal(SandboxFixture.Mailboxes, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetMailbox_WithoutResultSize_StopsAt1000_WithExchangesWarning()
    {
        var pages = await sandbox.Client.AllPagesAsync(await sandbox.TokenAsync(), "Get-Mailbox", new { }, maxPageSize: 400);

        Assert.Equal([400, 400, 200], pages.Select(p => p.Value.Count));
        Assert.Empty(pages[0].Warnings);
        var warning = Assert.Single(pages[^1].Warnings);
        Assert.StartsWith("By default, only the first 1000 items are returned.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMailbox_WithResultSize_StopsThere_WithMoreResultsWarning()
    {
        var pages = await sandbox.Client.AllPagesAsync(await sandbox.TokenAsync(), "Get-EXOMailbox", new { ResultSize = 250 }, maxPageSize: 100);

        Assert.Equal([100, 100, 50], pages.Select(p => p.Value.Count));
        Assert.Equal(
            "There are more results available than are currently displayed. To view them, increase the value for the ResultSize parameter.",
            Assert.Single(pages[^1].Warnings));
    }

    [Fact]
    public async Task FilteredResults_PageWithoutGaps_AndLastPageHasNoNextLink()
    {
        var token = await sandbox.TokenAsync();
        var filter = new { Filter = "RecipientTypeDetails -eq 'SharedMailbox'", ResultSize = "Unlimited" };

        var pages = await sandbox.Client.AllPagesAsync(token, "Get-EXOMailbox", filter, maxPageSize: 100);
        var whole = await sandbox.Client.InvokeAsync(token, "Get-EXOMailbox", filter, maxPageSize: 1000);

        Assert.Null(whole.NextLink);
        Assert.All(pages.SkipLast(1), page => Assert.Equal(100, page.Value.Count));
        Assert.NotEmpty(pages[^1].Value);
        Assert.Equal(
            whole.Value.Select(m => m.GetProperty("Guid").GetString()),
            pages.SelectMany(p => p.Value).Select(m => m.GetProperty("Guid").GetString()));
    }

    [Fact]
    public async Task NextLink_PostedWithAnotherBody_IsRefused()
    {
        var token = await sandbox.TokenAsync();
        var first = await sandbox.Client.InvokeAsync(token, "Get-Mailbox", new { ResultSize = "Unlimited" }, maxPageSize: 10);

        var replay = await sandbox.Client.InvokeAsync(token, "Get-Recipient", new { ResultSize = "Unlimited" }, maxPageSize: 10, url: first.NextLink);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Contains("$skiptoken", replay.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_KeepsOnlyTheNamedProperties_OnEveryPage()
    {
        var url = sandbox.Server.InvokeCommandUri + "?$select=Name,PrimarySmtpAddress";
        var token = await sandbox.TokenAsync();

        var first = await sandbox.Client.InvokeAsync(token, "Get-Mailbox", new { ResultSize = 20 }, maxPageSize: 10, url: url);
        var second = await sandbox.Client.InvokeAsync(token, "Get-Mailbox", new { ResultSize = 20 }, maxPageSize: 10, url: first.NextLink);

        Assert.All(first.Value.Concat(second.Value), m => Assert.Equal(["Name", "PrimarySmtpAddress"], m.EnumerateObject().Select(p => p.Name)));
    }
}
