using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// exojobs installed the two ways the README's Install section gives, once per test run, so the tests also run what
/// users install and not only the build output: <c>dotnet publish</c> for this machine's runtime identifier
/// (framework-dependent, ReadyToRun), and <c>dotnet pack</c> followed by <c>dotnet tool install --tool-path</c>.
/// A third copy is the publish with PowerShell's built-in modules taken out, as a hand-copied installation may be.
/// </summary>
public sealed class InstalledExojobs : IAsyncLifetime
{
    public const string PackageId = "ExoJobRunner";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-installed-" + Guid.NewGuid().ToString("N")[..12]);

    private ExojobsInstallation? _published;
    private ExojobsInstallation? _tool;
    private ExojobsInstallation? _withoutPowerShellModules;

    public ExojobsInstallation Published => _published ?? throw NotInstalled();

    public ExojobsInstallation Tool => _tool ?? throw NotInstalled();

    /// <summary>A copy of <see cref="Published"/> without its <c>Modules</c> folder.</summary>
    public ExojobsInstallation WithoutPowerShellModules => _withoutPowerShellModules ?? throw NotInstalled();

    public string PublishFolder => Path.Combine(_folder, "publish");

    /// <summary>The folder <c>dotnet pack</c> wrote the tool package into.</summary>
    public string PackageFolder => Path.Combine(_folder, "packages");

    /// <summary>How long publishing, packing and installing took: what this fixture adds to a test run.</summary>
    public TimeSpan InstallTime { get; private set; }

    /// <summary>
    /// The publish and the pack keep their intermediate files apart from the repository's own <c>bin</c> and
    /// <c>obj</c> (a publish for a runtime identifier restores the projects again, which must not race the build of
    /// the other test projects), in a folder kept between test runs so that a second run is incremental.
    /// </summary>
    private static string ArtifactsFolder =>
        Path.Combine(RepositoryPaths.Root, "tests", "ExoJobRunner.EndToEnd.Tests", "obj", "installed-exojobs");

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var project = Path.Combine("src", "ExoJobRunner.Cli");
        var packages = PackageFolder;
        var toolPath = Path.Combine(_folder, "tool");
        var noEnvironment = new Dictionary<string, string?>();

        await DotnetCommand.RunAsync(
            noEnvironment,
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", PublishFolder, "--artifacts-path", ArtifactsFolder]);
        await DotnetCommand.RunAsync(noEnvironment, ["pack", project, "-c", "Release", "-o", packages, "--artifacts-path", ArtifactsFolder]);

        // A private global packages folder: NuGet would otherwise install the ExoJobRunner 1.0.0 an earlier run left
        // there instead of the package just built.
        await DotnetCommand.RunAsync(
            new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Path.Combine(_folder, "nuget-packages") },
            ["tool", "install", PackageId, "--tool-path", toolPath, "--add-source", packages]);
        InstallTime = clock.Elapsed;

        var executable = OperatingSystem.IsWindows() ? "exojobs.exe" : "exojobs";
        _published = new ExojobsInstallation("published", Path.Combine(PublishFolder, executable));
        _tool = new ExojobsInstallation("tool", Path.Combine(toolPath, executable));

        var broken = Path.Combine(_folder, "without-powershell-modules");
        CopyTree(PublishFolder, broken, skipFolder: Path.Combine(PublishFolder, "Modules"));
        _withoutPowerShellModules = new ExojobsInstallation("published without PowerShell modules", Path.Combine(broken, executable));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static InvalidOperationException NotInstalled() => new("exojobs is installed in InitializeAsync");

    private static void CopyTree(string source, string destination, string skipFolder)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (file.StartsWith(skipFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }
}
