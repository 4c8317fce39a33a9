using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.Tests.Analysis.Support;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>
/// Each C# rule on code that should trip it (at the marked position) and on the code it should leave alone,
/// compiled for real with the rule analyzers in the script compilation.
/// </summary>
public sealed class CSharpRuleTests : IDisposable
{
    /// <summary>A stand-in for <c>Exo.InvokeAsync</c>: the rules judge the call by its name and arguments.</summary>
    private const string InvokeStub = "object InvokeAsync(string cmdlet, object parameters = null) => cmdlet;\n";

    private readonly BodyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("EXO0001", "var name = ↓Console.ReadLine();")]
    [InlineData("EXO0001", "var key = ↓Console.ReadKey(intercept: true);")]
    [InlineData("EXO0001", "var all = ↓Console.In.ReadToEnd();")]
    [InlineData("EXO0002", "var adminPassword = ↓\"Winter2024!\";")]
    [InlineData("EXO0002", "void Send()\n{\n    var clientSecret = ↓\"s3cr3t\";\n}")]
    [InlineData("EXO0002", "var credential = new System.Net.NetworkCredential(\"admin\", ↓\"Winter2024!\");")]
    [InlineData("EXO0002", "var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(\"app.pfx\", ↓\"pfx-pass\");")]
    [InlineData("EXO0002", "var parameters = new { Identity = \"svc\", Password = ↓\"Winter2024!\" };")]
    [InlineData("EXO0002", "var parameters = new Dictionary<string, object> { [\"ApiKey\"] = ↓\"k-123\" };")]
    [InlineData("EXO0002", "var key = ↓\"-----BEGIN RSA PRIVATE KEY-----\\nMIIEow==\\n-----END RSA PRIVATE KEY-----\";")]
    [InlineData("EXO0003", "var text = ↓File.ReadAllTextAsync(\"a.txt\").Result;")]
    [InlineData("EXO0003", "↓Task.Delay(10, CancellationToken).Wait();")]
    [InlineData("EXO0003", "var text = ↓File.ReadAllTextAsync(\"a.txt\").GetAwaiter().GetResult();")]
    [InlineData("EXO0003", "↓Task.WaitAll(Task.Delay(1, CancellationToken));")]
    [InlineData("EXO0003", "var text = ↓File.ReadAllTextAsync(\"a.txt\").ConfigureAwait(false).GetAwaiter().GetResult();")]
    [InlineData("EXO0004", "↓Thread.Sleep(1000);")]
    [InlineData("EXO0004", "await ↓Task.Delay(1000);")]
    [InlineData("EXO0004", "await ↓Task.Delay(1000, CancellationToken.None);")]
    [InlineData("EXO0004", "await ↓Task.Delay(TimeSpan.FromSeconds(1), default(CancellationToken));")]
    [InlineData("EXO0005", InvokeStub + "InvokeAsync(↓\"Connect-ExchangeOnline\");")]
    [InlineData("EXO0005", InvokeStub + "InvokeAsync(↓\"Disconnect-ExchangeOnline -Confirm:$false\");")]
    [InlineData("EXO0006", "↓Environment.Exit(2);")]
    [InlineData("EXO0006", "↓Environment.FailFast(\"giving up\");")]
    [InlineData("EXO0007", "async void ↓Archive() => await Task.Yield();")]
    [InlineData("EXO0007", "void Outer()\n{\n    async void ↓Inner() => await Task.Yield();\n}")]
    [InlineData("EXO0007", "Action work = ↓async () => await Task.Yield();")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } ↓catch { }")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } ↓catch (Exception) { }")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); }\n↓catch (System.Exception exception) { Log.LogWarning(\"could not delete\"); }")]
    [InlineData("EXO0009", InvokeStub + "↓InvokeAsync(\"Get-Mailbox\");")]
    [InlineData("EXO0009", InvokeStub + "↓InvokeAsync(\"get-recipient\", null);")]
    [InlineData("EXO0009", InvokeStub + "↓InvokeAsync(\"Get-Mailbox\", new { RecipientTypeDetails = \"SharedMailbox\" });")]
    [InlineData("EXO0009", "var mailboxes = ↓Exo.GetMailbox();")]
    [InlineData("EXO0009", "var mailboxes = ↓Exo.GetMailbox(filter: \"CustomAttribute1 -eq 'x'\", cancellationToken: CancellationToken);")]
    [InlineData("EXO0009", "var mailboxes = ↓Exo.GetMailbox(resultSize: null);")]
    [InlineData("EXO0009", "var recipients = ↓Exo.GetRecipient(identity: null);")]
    [InlineData("EXO0010", "↓#pragma warning disable EXO0003\nvar text = File.ReadAllTextAsync(\"a.txt\").Result;")]
    [InlineData("EXO0010", "↓#pragma warning disable EXO0003 //\nvar text = File.ReadAllTextAsync(\"a.txt\").Result;")]
    [InlineData("EXO0010", "↓#pragma warning disable\nvar text = File.ReadAllTextAsync(\"a.txt\").Result;")]
    public async Task Check_ReportsRule_AtTheMarkedPosition(string ruleId, string markedCode)
    {
        var marked = MarkedCode.Parse(markedCode);
        var body = _workspace.FileBody(BodyLanguage.CSharp, marked.Code);

        var diagnostics = await RuleFindings.OfAsync(body);

        RuleFindings.AssertValidCode(diagnostics);
        var finding = Assert.Single(diagnostics, diagnostic => diagnostic.Id == ruleId);
        Assert.Equal((body.FilePath, marked.Line, marked.Column), (finding.Location!.FilePath, finding.Location.Line, finding.Location.Column));
    }

    [Theory]
    [InlineData("EXO0001", "Console.WriteLine(\"progress goes to the log anyway\");")]
    [InlineData("EXO0001", "var region = Job.Parameters[\"region\"];")]
    [InlineData("EXO0002", "var passwordVariable = \"EXO_PFX_PASSWORD\";")]
    [InlineData("EXO0002", "var password = Environment.GetEnvironmentVariable(\"EXO_PFX_PASSWORD\");")]
    [InlineData("EXO0002", "var tokenUrl = \"https://login.microsoftonline.com\";")]
    [InlineData("EXO0002", "var nextPageToken = \"\";")]
    [InlineData("EXO0002", "var credential = new System.Net.NetworkCredential(\"admin\", Environment.GetEnvironmentVariable(\"SMTP_PASSWORD\"));")]
    [InlineData("EXO0003", "var text = await File.ReadAllTextAsync(\"a.txt\", CancellationToken);")]
    [InlineData("EXO0003", "var answer = new { Result = 42 }.Result;")]
    [InlineData("EXO0004", "await Task.Delay(1000, CancellationToken);")]
    [InlineData("EXO0004", "await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, CancellationToken);")]
    [InlineData("EXO0005", InvokeStub + "InvokeAsync(\"Get-Mailbox\", new { ResultSize = \"Unlimited\" });")]
    [InlineData("EXO0005", "Log.LogInformation(\"Connect-ExchangeOnline is done by exojobs\");")]
    [InlineData("EXO0006", "if (Job.Parameters.Count > 5) { return 2; }")]
    [InlineData("EXO0007", "async Task ArchiveAsync() => await Task.Yield();\nawait ArchiveAsync();")]
    [InlineData("EXO0007", "Func<Task> work = async () => await Task.Yield();")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } catch (IOException) { }")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } catch (Exception exception) { Log.LogError(exception, \"could not delete\"); }")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } catch { Log.LogError(\"could not delete\"); throw; }")]
    [InlineData("EXO0008", "try { File.Delete(\"a\"); } catch (Exception exception) when (exception is IOException) { }")]
    [InlineData("EXO0009", InvokeStub + "InvokeAsync(\"Get-Mailbox\", new { ResultSize = \"Unlimited\" });")]
    [InlineData("EXO0009", InvokeStub + "InvokeAsync(\"Get-Mailbox\", new { Identity = \"admin@contoso.onmicrosoft.com\" });")]
    [InlineData("EXO0009", InvokeStub + "InvokeAsync(\"Get-MailboxStatistics\", new { Identity = \"admin\" });")]
    [InlineData("EXO0009", InvokeStub + "var query = new Dictionary<string, object>();\nInvokeAsync(\"Get-Mailbox\", query);")]
    [InlineData("EXO0009", "Log.LogInformation(\"Get-Mailbox\");")]
    [InlineData("EXO0009", "var mailboxes = Exo.GetMailbox(resultSize: ResultSize.Unlimited);")]
    [InlineData("EXO0009", "var mailboxes = Exo.GetMailbox(resultSize: 50, cancellationToken: CancellationToken);")]
    [InlineData("EXO0009", "var one = Exo.GetMailbox(\"admin@contoso.onmicrosoft.com\");")]
    [InlineData("EXO0009", "var one = Exo.GetRecipient(identity: \"admin\");")]
    [InlineData("EXO0009", "var statistics = Exo.GetMailboxStatistics(\"admin\");")]
    [InlineData("EXO0010", "#pragma warning disable EXO0003 // the task has completed: it was awaited above\nvar text = File.ReadAllTextAsync(\"a.txt\").Result;")]
    [InlineData("EXO0010", "#pragma warning disable CS0168 // not one of ours\nvar text = \"\";")]
    public async Task Check_DoesNotReportRule_OnCodeThatIsFine(string ruleId, string code)
    {
        var body = _workspace.FileBody(BodyLanguage.CSharp, code);

        var diagnostics = await RuleFindings.OfAsync(body);

        RuleFindings.AssertValidCode(diagnostics);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == ruleId);
    }

    [Fact]
    public async Task Check_ReportsRuleFinding_InALoadedFile_AtItsOwnPathAndLine()
    {
        var helper = _workspace.Write("jobs/lib/prompt.csx", "string Ask() =>\n    Console.ReadLine() ?? \"\";\n");
        var body = _workspace.FileBody(BodyLanguage.CSharp, "#load \"lib/prompt.csx\"\nvar answer = Ask();");

        var diagnostics = await RuleFindings.OfAsync(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal("EXO0001", finding.Id);
        Assert.Equal(new Core.Diagnostics.SourceLocation(helper, 2, 5), finding.Location);
    }

    [Theory]
    //  YAML: header lines, "csharp: |", then the code indented
    [InlineData(1, 2, 4, 14)]
    [InlineData(4, 4, 7, 16)]
    public async Task Check_MapsRuleFinding_InAnInlineBody_ToTheYamlLineAndColumn(int headerLines, int indent, int yamlLine, int yamlColumn)
    {
        var body = _workspace.InlineBody(BodyLanguage.CSharp, "var total = 0;\nvar name = Console.ReadLine();\n", headerLines, indent);

        var diagnostics = await RuleFindings.OfAsync(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("EXO0001", new Core.Diagnostics.SourceLocation(body.FilePath, yamlLine, yamlColumn)), (finding.Id, finding.Location));
    }
}
