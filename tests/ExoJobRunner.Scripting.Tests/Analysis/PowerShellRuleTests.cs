using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.Tests.Analysis.Support;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>
/// Each PowerShell rule on code that should trip it (at the marked position) and on the code it should leave alone,
/// parsed for real by the PowerShell parser.
/// </summary>
public sealed class PowerShellRuleTests : IDisposable
{
    private readonly BodyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("EXO0001", "$region = ↓Read-Host 'Which region?'")]
    [InlineData("EXO0001", "$credential = ↓Get-Credential")]
    [InlineData("EXO0001", "function Get-Answer {\n    ↓read-host -Prompt 'answer'\n}")]
    [InlineData("EXO0001", "$line = ↓$Host.UI.ReadLine()")]
    [InlineData("EXO0001", "$line = ↓[Console]::ReadLine()")]
    [InlineData("EXO0001", "$key = ↓[System.Console]::ReadKey($true)")]
    [InlineData("EXO0002", "$secure = ConvertTo-SecureString ↓'Winter2024!' -AsPlainText -Force")]
    [InlineData("EXO0002", "$secure = ConvertTo-SecureString -AsPlainText -Force -String ↓\"Winter2024!\"")]
    [InlineData("EXO0002", "$secure = ConvertTo-SecureString -AsPlainText -Force ↓'Winter2024!'")]
    [InlineData("EXO0002", "$adminPassword = ↓'Winter2024!'")]
    [InlineData("EXO0002", "[string]$client_secret = ↓'s3cr3t'")]
    [InlineData("EXO0002", "Send-Report -To 'ops@contoso.com' -SmtpPassword ↓'Winter2024!'")]
    [InlineData("EXO0002", "Send-Report -To 'ops@contoso.com' -ApiKey:↓'k-123'")]
    [InlineData("EXO0002", "$query = @{ Identity = 'svc'; Password = ↓'Winter2024!' }")]
    [InlineData("EXO0002", "$key = ↓@'\n-----BEGIN PRIVATE KEY-----\nMIIEow==\n-----END PRIVATE KEY-----\n'@")]
    [InlineData("EXO0004", "↓[System.Threading.Thread]::Sleep(60000)")]
    [InlineData("EXO0004", "↓[Threading.Thread]::Sleep([TimeSpan]::FromMinutes(1))")]
    [InlineData("EXO0004", "↓[System.Threading.Tasks.Task]::Delay(1000).Wait()")]
    [InlineData("EXO0005", "↓Connect-ExchangeOnline -AppId $env:EXO_APP_ID -Organization contoso.onmicrosoft.com")]
    [InlineData("EXO0005", "Get-Mailbox -ResultSize 10\n↓Disconnect-ExchangeOnline -Confirm:$false")]
    [InlineData("EXO0005", "↓ExchangeOnlineManagement\\Connect-IPPSSession")]
    [InlineData("EXO0006", "function Stop-Report {\n    ↓exit 3\n}")]
    [InlineData("EXO0006", "Get-ChildItem | ForEach-Object { ↓exit 1 }")]
    [InlineData("EXO0006", "↓[Environment]::Exit(2)")]
    [InlineData("EXO0006", "↓[System.Environment]::FailFast('giving up')")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv } ↓catch { }")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv }\n↓catch [System.Exception] {\n    Write-Warning 'could not delete'\n}")]
    [InlineData("EXO0009", "$all = ↓Get-Mailbox")]
    [InlineData("EXO0009", "$shared = ↓Get-Mailbox -RecipientTypeDetails SharedMailbox -Filter \"Name -like 'a*'\"")]
    [InlineData("EXO0009", "↓Get-EXORecipient -PropertySets Minimum | Export-Csv recipients.csv")]
    [InlineData("EXO0009", "foreach ($group in ↓Get-DistributionGroup) { $group.Name }")]
    [InlineData("EXO0010", "↓# exojobs-disable-next-line EXO0009\n$all = Get-Mailbox")]
    [InlineData("EXO0010", "↓#exojobs-disable-next-line EXO0009:   \n$all = Get-Mailbox")]
    public async Task Check_ReportsRule_AtTheMarkedPosition(string ruleId, string markedCode)
    {
        var marked = MarkedCode.Parse(markedCode);
        var body = _workspace.FileBody(BodyLanguage.PowerShell, marked.Code);

        var diagnostics = await RuleFindings.OfAsync(body);

        RuleFindings.AssertValidCode(diagnostics);
        var finding = Assert.Single(diagnostics, diagnostic => diagnostic.Id == ruleId);
        Assert.Equal(new SourceLocation(body.FilePath, marked.Line, marked.Column), finding.Location);
    }

    [Theory]
    [InlineData("EXO0001", "$region = $Parameters['region']")]
    [InlineData("EXO0001", "Write-Host 'progress goes to the Information stream'")]
    [InlineData("EXO0001", "$text = [System.IO.File]::ReadAllText('a.txt')")]
    [InlineData("EXO0002", "$secure = ConvertTo-SecureString $env:SMTP_PASSWORD -AsPlainText -Force")]
    [InlineData("EXO0002", "$secure = ConvertTo-SecureString -Key $key -String $encrypted")]
    [InlineData("EXO0002", "$passwordVariable = 'SMTP_PASSWORD'")]
    [InlineData("EXO0002", "$pwd = 'C:\\jobs'")]
    [InlineData("EXO0002", "$nextPageToken = ''")]
    [InlineData("EXO0002", "Send-Report -To 'ops@contoso.com' -SmtpPassword $env:SMTP_PASSWORD")]
    [InlineData("EXO0002", "$query = @{ Identity = 'svc'; Password = $env:SVC_PASSWORD }")]
    [InlineData("EXO0004", "Start-Sleep -Seconds 60")]
    [InlineData("EXO0004", "$thread = [System.Threading.Thread]::CurrentThread")]
    [InlineData("EXO0005", "Get-Mailbox -ResultSize Unlimited | Measure-Object")]
    [InlineData("EXO0005", "Write-Information 'exojobs runs Connect-ExchangeOnline for us'")]
    [InlineData("EXO0006", "if (-not (Test-Path input.csv)) {\n    exit 2\n}")]
    [InlineData("EXO0006", "function Get-Total { return 3 }")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv } catch [System.IO.IOException] { }")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv } catch { Write-Warning \"could not delete: $_\" }")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv } catch { Write-Warning $PSItem.Exception.Message }")]
    [InlineData("EXO0008", "try { Remove-Item stale.csv } catch { throw }")]
    [InlineData("EXO0009", "$all = Get-Mailbox -ResultSize Unlimited")]
    [InlineData("EXO0009", "$some = Get-Mailbox -Result 500")]
    [InlineData("EXO0009", "$one = Get-Mailbox -Identity admin@contoso.onmicrosoft.com")]
    [InlineData("EXO0009", "$one = Get-Mailbox admin@contoso.onmicrosoft.com")]
    [InlineData("EXO0009", "$many = 'a@contoso.com', 'b@contoso.com' | Get-Mailbox")]
    [InlineData("EXO0009", "$query = @{ ResultSize = 'Unlimited' }\n$all = Get-Mailbox @query")]
    [InlineData("EXO0009", "$statistics = Get-MailboxStatistics -Identity admin")]
    [InlineData("EXO0010", "# exojobs-disable-next-line EXO0009: a sample of mailboxes is all this job needs\n$sample = Get-Mailbox")]
    [InlineData("EXO0010", "# a comment that mentions exojobs-disable-next-line in passing\n$x = 1")]
    public async Task Check_DoesNotReportRule_OnCodeThatIsFine(string ruleId, string code)
    {
        var body = _workspace.FileBody(BodyLanguage.PowerShell, code);

        var diagnostics = await RuleFindings.OfAsync(body);

        RuleFindings.AssertValidCode(diagnostics);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == ruleId);
    }

    [Theory]
    //  YAML: header lines, "powershell: |", then the code indented
    [InlineData(1, 2, 4, 13)]
    [InlineData(3, 4, 6, 15)]
    public async Task Check_MapsRuleFinding_InAnInlineBody_ToTheYamlLineAndColumn(int headerLines, int indent, int yamlLine, int yamlColumn)
    {
        var body = _workspace.InlineBody(BodyLanguage.PowerShell, "$total = 0\n$region = Read-Host 'region'\n", headerLines, indent);

        var diagnostics = await RuleFindings.OfAsync(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("EXO0001", new SourceLocation(body.FilePath, yamlLine, yamlColumn)), (finding.Id, finding.Location));
    }

    [Fact]
    public async Task Check_ReportsParseErrorsAlone_WhenTheBodyDoesNotParse()
    {
        var body = _workspace.FileBody(BodyLanguage.PowerShell, "$region = Read-Host 'region'\nif ($region) {\n");

        var diagnostics = await RuleFindings.OfAsync(body);

        var error = Assert.Single(diagnostics);
        Assert.Equal("MissingEndCurlyBrace", error.Id);
    }
}
