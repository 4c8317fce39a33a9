using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ExoJobRunner.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real <c>exojobs sandbox</c> process shared by a test class, with the values it printed: the profile snippet, and
/// where it wrote the client credential and the server certificate.
/// </summary>
public sealed partial class StandaloneSandbox : IAsyncLifetime
{
    public const int Mailboxes = 150;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "exojobs-standalone-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly int _mailboxes;
    private readonly string[] _options;
    private ExojobsProcess? _process;

    public StandaloneSandbox()
        : this(Mailboxes, [])
    {
    }

    private StandaloneSandbox(int mailboxes, string[] options)
    {
        _mailboxes = mailboxes;
        _options = options;
    }

    public string DataDirectory => Path.Combine(_folder, "data");

    public string CredentialDirectory => Path.Combine(_folder, "credential");

    /// <summary>The profile <c>exojobs sandbox</c> printed, named <c>standalone</c>, as YAML lines indented under <c>profiles:</c>.</summary>
    public string ProfileYaml { get; private set; } = string.Empty;

    public string Output => _process?.StandardOutput ?? string.Empty;

    /// <summary>A sandbox started with further <c>exojobs sandbox</c> options (<c>--without-consent</c>, <c>--role …</c>, <c>--register-certificate …</c>).</summary>
    public static Task<StandaloneSandbox> StartAsync(params string[] options) => StartAsync(Mailboxes, options);

    /// <summary>A sandbox of <paramref name="mailboxes"/> mailboxes, started with further <c>exojobs sandbox</c> options.</summary>
    public static async Task<StandaloneSandbox> StartAsync(int mailboxes, params string[] options)
    {
        var sandbox = new StandaloneSandbox(mailboxes, options);
        await sandbox.InitializeAsync();
        return sandbox;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _process = ExojobsProcess.Start(
            _folder,
            new Dictionary<string, string?> { ["EXOJOBS_DATA_DIR"] = DataDirectory },
            [
                "sandbox",
                "--mailboxes",
                _mailboxes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--out",
                CredentialDirectory,
                .. _options,
            ]);
        await _process.WaitForOutputAsync("Press Ctrl+C to stop.");
        ProfileYaml = ProfileSnippet().Match(_process.StandardOutput).Value;
    }

    /// <summary>Stops it as a person does, with Ctrl+C, and requires a clean exit.</summary>
    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            _process.Signal(PosixSignal.SIGINT);
            var result = await _process.WaitAsync();
            _process.Dispose();
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^  standalone:\n(^    .*\n)+", RegexOptions.Multiline)]
    private static partial Regex ProfileSnippet();
}
