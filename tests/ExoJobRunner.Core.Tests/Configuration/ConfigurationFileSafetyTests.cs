using System.Diagnostics;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Core.Tests.Configuration;

/// <summary>
/// Files the configuration names are read only when they are regular files of bounded size inside the folder of
/// exojobs.yaml (links followed): job files, bodies, and what bodies <c>#load</c> or dot-source. Each row builds real
/// links, FIFOs and files, and a folder outside the configuration holding a canary that no message may repeat.
/// </summary>
/// <remarks>
/// Setup steps, separated by ';': <c>link PATH -&gt; TARGET</c> (a symbolic link), <c>fifo PATH</c> (a named pipe),
/// <c>big PATH</c> (a file one byte over the limit). <c>{outside}</c> stands for the outside folder, <c>{root}</c> for
/// the configuration folder.
/// </remarks>
public sealed class ConfigurationFileSafetyTests : IDisposable
{
    private const string Canary = "CANARY-7f3a";

    private readonly string outside = Path.Combine(Path.GetTempPath(), "exojobs-outside-" + Guid.NewGuid().ToString("N"));

    public ConfigurationFileSafetyTests()
    {
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), $"{Canary}: root:x:0:0\n");
        File.WriteAllText(Path.Combine(outside, "secret.csx"), $"var {Canary} = 1;\n");
        File.WriteAllText(Path.Combine(outside, "secret.ps1"), $"Write-Output '{Canary}'\n");
    }

    [Theory]
    // ---- job files -----------------------------------------------------------------------------------------
    [InlineData("", "link jobs/evil.yaml -> {outside}/secret.yaml",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/evil.yaml", 1, 1,
        "job file '{root}/jobs/evil.yaml' (it leads to '{outside}/secret.yaml') is outside the folder of exojobs.yaml, '{root}'; it was not read")]
    [InlineData("", "fifo jobs/pipe.yaml",
        ConfigurationDiagnosticIds.NotARegularFile, "jobs/pipe.yaml", 1, 1,
        "job file '{root}/jobs/pipe.yaml' is a FIFO (named pipe), not a regular file; it was not read")]
    [InlineData("", "big jobs/huge.yaml",
        ConfigurationDiagnosticIds.FileTooLarge, "jobs/huge.yaml", 1, 1,
        "job file '{root}/jobs/huge.yaml' holds more than 1 MiB (1,048,577 bytes or more); it was not read")]
    // ---- body files ----------------------------------------------------------------------------------------
    [InlineData("#> jobs/report.yaml\ncsx: pipe.csx", "fifo jobs/pipe.csx",
        ConfigurationDiagnosticIds.NotARegularFile, "jobs/report.yaml", 1, 1,
        "body file '{root}/jobs/pipe.csx' is a FIFO (named pipe), not a regular file")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx", "link jobs/report.csx -> {outside}/secret.csx",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 1, 1,
        "body file '{root}/jobs/report.csx' (it leads to '{outside}/secret.csx') is outside the folder of exojobs.yaml")]
    [InlineData("#> jobs/report.yaml\ncsx: lib/secret.csx", "link jobs/lib -> {outside}",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 1, 1,
        "body file '{root}/jobs/lib/secret.csx' (it leads to '{outside}/secret.csx') is outside")]
    [InlineData("#> jobs/report.yaml\nps1: '{outside}/secret.ps1'", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 1, 1,
        "body file '{outside}/secret.ps1' is outside the folder of exojobs.yaml")]
    [InlineData("#> jobs/report.yaml\ncsx: a.csx", "link jobs/a.csx -> b.csx; link jobs/b.csx -> a.csx",
        ConfigurationDiagnosticIds.FileUnreadable, "jobs/report.yaml", 1, 1,
        "cannot read body file '{root}/jobs/a.csx': more than 40 symbolic links on the way (a link cycle)")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx", "big jobs/report.csx",
        ConfigurationDiagnosticIds.FileTooLarge, "jobs/report.yaml", 1, 1,
        "body file '{root}/jobs/report.csx' holds more than 1 MiB")]
    // ---- #load ---------------------------------------------------------------------------------------------
    [InlineData("#> jobs/report.yaml\ncsx: report.csx\n#> jobs/report.csx\n#load \"{outside}/secret.csx\"\nreturn;", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.csx", 1, 1,
        "#load'ed file '{outside}/secret.csx' is outside the folder of exojobs.yaml")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx\n#> jobs/report.csx\n// helpers\n  #load \"lib/h.csx\"\nreturn;", "link jobs/lib/h.csx -> {outside}/secret.csx",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.csx", 2, 3,
        "#load'ed file '{root}/jobs/lib/h.csx' (it leads to '{outside}/secret.csx') is outside")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx\n#> jobs/report.csx\n#load \"lib/a.csx\"\n#> jobs/lib/a.csx\n#load \"../../../../{outside-name}/secret.csx\"", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/lib/a.csx", 1, 1,
        "#load'ed file '{outside}/secret.csx' is outside")]
    [InlineData("#> jobs/report.yaml\ncsharp: |\n  #load \"{outside}/secret.csx\"\n  return;", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.yaml", 2, 3,
        "#load'ed file '{outside}/secret.csx' is outside")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx\n#> jobs/report.csx\n#load \"pipe.csx\"", "fifo jobs/pipe.csx",
        ConfigurationDiagnosticIds.NotARegularFile, "jobs/report.csx", 1, 1,
        "#load'ed file '{root}/jobs/pipe.csx' is a FIFO (named pipe)")]
    // ---- dot-sourcing --------------------------------------------------------------------------------------
    [InlineData("#> jobs/report.yaml\nps1: report.ps1\n#> jobs/report.ps1\n. '{outside}/secret.ps1'", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.ps1", 1, 3,
        "dot-sourced file '{outside}/secret.ps1' is outside the folder of exojobs.yaml")]
    [InlineData("#> jobs/report.yaml\nps1: report.ps1\n#> jobs/report.ps1\nif ($true) {\n    . \"$PSScriptRoot/../../../{outside-name}/secret.ps1\"\n}", "",
        ConfigurationDiagnosticIds.FileOutsideConfigurationFolder, "jobs/report.ps1", 2, 7,
        "dot-sourced file '{outside}/secret.ps1' is outside")]
    [InlineData("#> jobs/report.yaml\npowershell: |\n  Get-Date\n  . ./lib/pipe.ps1", "fifo jobs/lib/pipe.ps1",
        ConfigurationDiagnosticIds.NotARegularFile, "jobs/report.yaml", 3, 5,
        "dot-sourced file '{root}/jobs/lib/pipe.ps1' is a FIFO (named pipe)")]
    public void Load_RefusesAFile_WithoutReadingIt(string layout, string setup, string id, string file, int line, int column, string messageFragment)
    {
        using var folder = ConfigFolder.FromLayout(Expand(layout, root: null)).WithJobUnlessPresent();
        Prepare(folder, setup);

        var result = ConfigurationLoader.Load(folder.ConfigPath, HostLoadOptions.Value);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(new SourceLocation(folder.PathOf(file), line, column), diagnostic.Location);
        Assert.Contains(Expand(messageFragment, folder.Root), diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(result.Configuration);
    }

    [Theory]
    [InlineData("#> jobs/real/report.yaml\ncsx: report.csx\n#> jobs/report.csx\nreturn;", "link jobs/report.yaml -> real/report.yaml")]
    [InlineData("#> jobs/report.yaml\ncsx: report.csx\n#> shared/report.csx\n#load \"lib.csx\"\n#> shared/lib.csx\nreturn;", "link jobs/report.csx -> ../shared/report.csx")]
    [InlineData("#> jobs/report.yaml\nps1: report.ps1\n#> jobs/report.ps1\n. \"$PSScriptRoot/lib/helpers.ps1\"\n. ./lib/helpers.ps1\n#> jobs/lib/helpers.ps1\nGet-Date", "")]
    // A linked job file's relative paths are read from the link's folder, where the job is listed, as the #load
    // lines of a linked body are read from the body's named folder by the compiler.
    public void Load_FollowsLinksAndIncludes_ThatStayInsideTheFolder(string layout, string setup)
    {
        using var folder = ConfigFolder.FromLayout(layout);
        folder.Write(ConfigFolder.ConfigFileName, string.Empty);
        Prepare(folder, setup);

        var result = ConfigurationLoader.Load(folder.ConfigPath, HostLoadOptions.Value);

        Assert.Empty(result.Diagnostics);
        Assert.Equal("report", Assert.Single(result.Configuration!.Jobs).Name);
    }

    [Fact]
    public void Load_RefusesADeviceAsTheConfigurationFile_WithoutReadingIt()
    {
        var result = ConfigurationLoader.Load("/dev/zero");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(ConfigurationDiagnosticIds.NotARegularFile, diagnostic.Id);
        Assert.Contains("configuration file '/dev/zero' is a character device, not a regular file", diagnostic.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(outside, recursive: true);

    private string Expand(string text, string? root) =>
        text.Replace("{outside-name}", Path.GetFileName(outside), StringComparison.Ordinal)
            .Replace("{outside}", outside, StringComparison.Ordinal)
            .Replace("{root}", root ?? "{root}", StringComparison.Ordinal);

    private void Prepare(ConfigFolder folder, string setup)
    {
        foreach (var step in setup.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = step.Split(' ', 2);
            var rest = Expand(words[1], folder.Root);
            switch (words[0])
            {
                case "link":
                    var (path, target) = (rest.Split(" -> ")[0], rest.Split(" -> ")[1]);
                    Directory.CreateDirectory(Path.GetDirectoryName(folder.PathOf(path))!);
                    File.CreateSymbolicLink(folder.PathOf(path), target);
                    break;
                case "fifo":
                    Directory.CreateDirectory(Path.GetDirectoryName(folder.PathOf(rest))!);
                    using (var mkfifo = Process.Start("mkfifo", [folder.PathOf(rest)]))
                    {
                        mkfifo.WaitForExit();
                        Assert.Equal(0, mkfifo.ExitCode);
                    }

                    break;
                case "big":
                    folder.Write(rest, new string('x', (int)ConfigurationLimits.MaxFileBytes + 1));
                    break;
                default:
                    throw new ArgumentException($"unknown setup step '{step}'", nameof(setup));
            }
        }
    }
}
