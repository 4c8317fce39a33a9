using System.Runtime.InteropServices;
using ExoJobRunner.EndToEnd.Tests.Infrastructure;

namespace ExoJobRunner.EndToEnd.Tests;

/// <summary>
/// <c>exojobs sandbox</c> without <c>--out</c> keeps its credential files in the user's data folder, the private key
/// readable by its owner only, and writes nothing into the current folder (usually the one kept in git).
/// </summary>
public sealed class SandboxCredentialTests
{
    [Fact]
    public async Task Sandbox_WithoutOut_WritesTheCredentialToTheDataFolder_KeyOwnerOnly()
    {
        using var workspace = Workspace.FromFixture("basic");
        var dataDirectory = workspace.PathOf("data");
        using var process = ExojobsProcess.Start(
            workspace.Directory,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = dataDirectory },
            "sandbox",
            "--mailboxes",
            "5");
        await process.WaitForOutputAsync("Press Ctrl+C to stop.");
        process.Signal(PosixSignal.SIGINT);
        var result = await process.WaitAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var folder = Path.Combine(dataDirectory, "sandbox");
        Assert.Contains($"PEM private key:   {folder}/exojobs-sandbox.key.pem", result.StandardOutput, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "exojobs-sandbox.key.pem")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "exojobs-sandbox.pfx")));
        }

        Assert.True(File.Exists(Path.Combine(folder, "exojobs-sandbox-server.crt.pem")), result.ToString());
        Assert.DoesNotContain(
            Directory.GetFiles(workspace.Directory, "exojobs-sandbox*", SearchOption.AllDirectories),
            path => !path.StartsWith(dataDirectory, StringComparison.Ordinal));
    }
}
