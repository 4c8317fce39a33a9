using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.Tests.Analysis.Support;
using static ExoJobRunner.Scripting.Tests.Analysis.Support.BodyWorkspace;

namespace ExoJobRunner.Scripting.Tests.Analysis;

/// <summary>
/// A finding suppressed where it is, with a reason: <c>#pragma warning disable EXO…  // why</c> in C#,
/// <c># exojobs-disable-next-line EXO…: why</c> in PowerShell. Without the reason, EXO0010 reports the suppression.
/// </summary>
public sealed class RuleSuppressionTests : IDisposable
{
    private readonly BodyWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "#pragma warning disable EXO0001 // the job is only ever run by hand\nvar name = Console.ReadLine();")]
    [InlineData(BodyLanguage.CSharp,     "#pragma warning disable EXO0004, EXO0001 // run by hand, see the README\nvar name = Console.ReadLine();\nThread.Sleep(10);")]
    [InlineData(BodyLanguage.PowerShell, "# exojobs-disable-next-line EXO0001: the job is only ever run by hand\n$name = Read-Host 'name'")]
    [InlineData(BodyLanguage.PowerShell, "# exojobs-disable-next-line exo0009, EXO0001: run by hand, and reads a sample\n$all = Get-Mailbox -Identity (Read-Host 'who')")]
    public async Task Check_ReportsNothing_WhenEveryFindingIsSuppressedWithAReason(BodyLanguage language, string code)
    {
        var body = _workspace.FileBody(language, code);

        var diagnostics = await RuleFindings.OfAsync(body);

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "#pragma warning disable EXO0003\nvar text = File.ReadAllTextAsync(\"a\").Result;",                1)]
    [InlineData(BodyLanguage.PowerShell, "$total = 0\n# exojobs-disable-next-line EXO0009\n$all = Get-Mailbox",                          2)]
    public async Task Check_ReportsTheSuppressionItself_WhenItGivesNoReason(BodyLanguage language, string code, int line)
    {
        var body = _workspace.FileBody(language, code);

        var diagnostics = await RuleFindings.OfAsync(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("EXO0010", line), (finding.Id, finding.Location!.Line));
    }

    [Fact]
    public async Task Check_SuppressesOnlyTheNextLine_InPowerShell()
    {
        var body = _workspace.FileBody(BodyLanguage.PowerShell, "# exojobs-disable-next-line EXO0009: a sample is enough here\n$sample = Get-Mailbox\n$all = Get-Mailbox");

        var diagnostics = await RuleFindings.OfAsync(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal(("EXO0009", 3), (finding.Id, finding.Location!.Line));
    }

    [Fact]
    public async Task Check_SuppressesOnlyTheNamedRule_InPowerShell()
    {
        var body = _workspace.FileBody(BodyLanguage.PowerShell, "# exojobs-disable-next-line EXO0009: a sample is enough here\n$sample = Get-Mailbox -Identity (Read-Host 'who')");

        var diagnostics = await RuleFindings.OfAsync(body);

        Assert.Equal("EXO0001", Assert.Single(diagnostics).Id);
    }

    [Theory]
    [InlineData(BodyLanguage.CSharp,     "#pragma warning disable EXO0003\nvar text = File.ReadAllTextAsync(\"a\").Result;")]
    [InlineData(BodyLanguage.PowerShell, "# exojobs-disable-next-line EXO0009\n$all = Get-Mailbox")]
    public async Task Check_AcceptsUnjustifiedSuppression_WhenTheJobSetsEXO0010ToNone(BodyLanguage language, string code)
    {
        var body = _workspace.FileBody(language, code, Rule("EXO0010", RuleSeverity.None));

        var diagnostics = await RuleFindings.OfAsync(body);

        Assert.Empty(diagnostics);
    }
}
