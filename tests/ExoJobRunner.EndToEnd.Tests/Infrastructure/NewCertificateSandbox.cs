using System.Text.RegularExpressions;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A certificate made by the real <c>exojobs cert new</c> (with a generated password), and a standalone
/// <c>exojobs sandbox</c> that registered its <c>.cer</c> with <c>--register-certificate</c>, as an administrator
/// uploads it to the app registration. Shared by a test class.
/// </summary>
public sealed partial class NewCertificateSandbox : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-cert-" + Guid.NewGuid().ToString("N")[..12]);

    private StandaloneSandbox? _sandbox;

    public StandaloneSandbox Sandbox => _sandbox ?? throw new InvalidOperationException("the sandbox starts in InitializeAsync");

    /// <summary>The certificate's CN and the files' base name; unique, so parallel runs never share a certificate.</summary>
    public string Name { get; } = "exojobs-e2e-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Where <c>cert new</c> wrote the files: <c>certs/</c> under the folder it ran in.</summary>
    public string CertificateFolder => Path.Combine(_folder, "certs");

    public string PasswordPath => Path.Combine(CertificateFolder, Name + ".pfx.password");

    /// <summary>What <c>cert new</c> printed.</summary>
    public string Output { get; private set; } = string.Empty;

    public string Thumbprint => ThumbprintLine().Match(Output).Groups[1].Value;

    /// <summary>The value of the <c>certificate:</c> line of the profile <c>cert new</c> printed, paths relative to the folder it ran in.</summary>
    public string CertificateYaml => CertificateLine().Match(Output).Groups[1].Value;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var created = await ExojobsProcess.RunAsync(_folder, "cert", "new", "--subject", $"CN={Name}, O=ExoJobRunner tests", "--out", "certs");
        Assert.True(created.ExitCode == 0, created.ToString());
        Output = created.StandardOutput;
        _sandbox = await StandaloneSandbox.StartAsync("--register-certificate", Path.Combine(CertificateFolder, Name + ".cer"));
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The repository's samples with the certificate files copied into <c>certs/</c> (as if <c>cert new</c> had run
    /// there) and a profile <c>standalone</c>: the sandbox's app, organization and server, and the certificate line
    /// <c>cert new</c> printed, pasted as it is.
    /// </summary>
    internal Workspace WorkspaceWithProfile()
    {
        var workspace = Workspace.FromRepositorySamples();
        Directory.CreateDirectory(workspace.PathOf("certs"));
        foreach (var file in Directory.EnumerateFiles(CertificateFolder))
        {
            File.Copy(file, workspace.PathOf("certs/" + Path.GetFileName(file)));
        }

        var profile = Regex.Replace(Sandbox.ProfileYaml, "certificate: .*", "certificate: " + CertificateYaml.Replace("$", "$$", StringComparison.Ordinal));
        var configuration = File.ReadAllText(workspace.PathOf("exojobs.yaml")).Replace("profiles:\n", "profiles:\n" + profile, StringComparison.Ordinal);
        workspace.Write("exojobs.yaml", configuration);
        return workspace;
    }

    [GeneratedRegex("thumbprint: +([0-9A-F]{40})")]
    private static partial Regex ThumbprintLine();

    [GeneratedRegex("^    certificate: (.+)$", RegexOptions.Multiline)]
    private static partial Regex CertificateLine();
}
