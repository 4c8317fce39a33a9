using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Scripting.Tests.PowerShell;

public sealed class DotSourceScannerTests
{
    private const string Body = "/srv/exo/jobs/report.ps1";

    [Theory]
    [InlineData(". ./lib/a.ps1",                                   "/srv/exo/jobs/lib/a.ps1",    1, 3)]
    [InlineData(". 'lib/a.ps1'",                                   "/srv/exo/jobs/lib/a.ps1",    1, 3)]
    [InlineData(". \"$PSScriptRoot/lib/a.ps1\"",                   "/srv/exo/jobs/lib/a.ps1",    1, 3)]
    [InlineData(". $PSScriptRoot\\..\\shared\\a.ps1",              "/srv/exo/shared/a.ps1",      1, 3)]
    [InlineData(". /etc/profile.ps1",                              "/etc/profile.ps1",           1, 3)]
    [InlineData("Get-Date\nif ($x) {\n    . ../a.ps1\n}",          "/srv/exo/a.ps1",             3, 7)]
    [InlineData("$r = . ./lib/a.ps1",                              "/srv/exo/jobs/lib/a.ps1",    1, 8)]
    public void Scan_FindsDotSourcedPaths_ThatCanBeReadWithoutRunning(string code, string expectedPath, int line, int column)
    {
        var include = Assert.Single(DotSourceScanner.Scan(code, Body));

        Assert.Equal(new BodyInclude(expectedPath, line, column), include);
    }

    [Theory]
    [InlineData(". $path")]
    [InlineData(". (Join-Path $PSScriptRoot 'a.ps1')")]
    [InlineData(". \"$HOME/a.ps1\"")]
    [InlineData("& ./a.ps1")]
    [InlineData("./a.ps1")]
    [InlineData("Write-Output 'done. really.'\n$a.Count")]
    [InlineData("# . ./commented.ps1")]
    public void Scan_IgnoresWhatIsNotAStaticDotSource(string code)
    {
        Assert.Empty(DotSourceScanner.Scan(code, Body));
    }
}
