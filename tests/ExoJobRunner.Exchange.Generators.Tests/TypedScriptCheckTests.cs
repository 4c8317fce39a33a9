using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.CSharp;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>
/// What <c>exojobs check</c> does with a C# body: a typed Exchange call is compiled against the generated API, so a
/// misspelled parameter, a missing mandatory one or a wrongly typed value fails the check at the script's own line.
/// </summary>
public sealed class TypedScriptCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("exojobs-typed-check-");
    private readonly CSharpBodyEngine _engine = new();

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("await foreach (var m in Exo.GetMailbox(identiy: \"alice\")) { }", "CS1739", "'identiy'")]
    [InlineData("await foreach (var m in Exo.GetMailbox(resultSize: \"lots\")) { }", "CS1503", "ResultSize?")]
    [InlineData("await Exo.SetMailbox(office: \"Oslo\");", "CS7036", "'identity'")]
    [InlineData("await foreach (var m in Exo.GetMailboxStats(identity: \"alice\")) { }", "CS1061", "'GetMailboxStats'")]
    [InlineData("await foreach (var m in Exo.GetMailbox()) { Log.LogInformation(\"{Size}\", m.TotalItemSize); }", "CS1061", "'TotalItemSize'")]
    public async Task Check_ReportsBadTypedCall_AtTheScriptsLine(string call, string id, string fragment)
    {
        var body = Body($"// mailbox report\nvar office = \"Oslo\";\n{call}\n");

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics, diagnostic => diagnostic.IsError);
        Assert.Equal(id, error.Id);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(body.FilePath, error.Location?.FilePath);
        Assert.Equal(3, error.Location?.Line);
    }

    [Fact]
    public async Task Check_AcceptsTypedCalls_WithTheDefaultImports()
    {
        var body = Body("""
            await foreach (var mailbox in Exo.GetMailbox(resultSize: ResultSize.Unlimited, recipientTypeDetails: ["UserMailbox"]))
            {
                ByteQuantifiedSize? size = null;
                await foreach (var statistics in Exo.GetMailboxStatistics(identity: mailbox.Identity!))
                {
                    size = statistics.TotalItemSize;
                }

                Log.LogInformation("{Name} {Created:u} {Size} {Extra}", mailbox.DisplayName, mailbox.WhenCreated, size, mailbox["msExchRecipientDisplayType"]);
            }

            await Exo.SetMailbox(identity: "alice", emailAddresses: MultiValuedUpdate.Add("smtp:alice@contoso.com"), hiddenFromAddressListsEnabled: true);
            IReadOnlyList<MailboxPermission> granted = await Exo.AddMailboxPermission("shared", user: "alice", accessRights: ["FullAccess"], autoMapping: false);
            await foreach (ExchangeObject raw in Exo.InvokeAsync("Get-Mailbox", new { ResultSize = 1 })) { }
            """);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.IsError);
    }

    private JobBody Body(string code)
    {
        var path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N") + ".csx");
        File.WriteAllText(path, code);
        return new JobBody(BodyLanguage.CSharp, code, path, IsInline: false, LineOffset: 0, ColumnOffset: 0);
    }
}
