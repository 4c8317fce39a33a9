using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Sandbox;
using ExoJobRunner.Sandbox.Credentials;
using ExoJobRunner.Sandbox.Faults;
using ExoJobRunner.Sandbox.Registration;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs sandbox</c>: the offline Exchange Online tenant on its own, for other processes (a second exojobs, a
/// PowerShell session, curl) to connect to. Prints everything a client needs and runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class SandboxCommand
{
    private const string ServerCertificateFileName = "exojobs-sandbox-server.crt.pem";

    private static readonly Option<int> PortOption = new("--port") { Description = "The loopback port to listen on (default: any free port)." };

    private static readonly Option<int> MailboxesOption = new("--mailboxes")
    {
        Description = "How many mailboxes Get-Mailbox -ResultSize Unlimited returns.",
        DefaultValueFactory = _ => SandboxServerOptions.DefaultMailboxes,
    };

    private static readonly Option<int> SeedOption = new("--seed")
    {
        Description = "The seed the tenant is generated from (same seed, same tenant).",
        DefaultValueFactory = _ => SandboxServerOptions.DefaultSeed,
    };

    private static readonly Option<string?> FaultsOption = new("--faults") { Description = $"Faults to inject, e.g. {SandboxFaultSpec.Example}" };

    private static readonly Option<DirectoryInfo?> OutOption = new("--out")
    {
        Description = "Where to write the client credential (PFX without password, PEM certificate and key, readable only by you) and the server certificate (default: the sandbox folder in your data folder, $EXOJOBS_DATA_DIR/sandbox or ~/.local/share/exojobs/sandbox).",
    };

    private static readonly Option<FileInfo[]> RegisterCertificateOption = new("--register-certificate")
    {
        Description = "A certificate (.cer, DER or PEM) to register on the app next to the sandbox's own, as uploading it to an app registration does; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<SandboxDirectoryRole> RoleOption = new("--role")
    {
        Description = "The Entra role assigned to the app's service principal (None and UserAdministrator are refused by Exchange, for trying out failures).",
        DefaultValueFactory = _ => SandboxDirectoryRole.ExchangeAdministrator,
    };

    private static readonly Option<bool> WithoutConsentOption = new("--without-consent")
    {
        Description = "Registers the app without admin consent for Exchange.ManageAsApp, so its tokens carry no Exchange permission.",
    };

    public static Command Create(InterruptSignal interrupt)
    {
        var command = new Command("sandbox", "Runs the offline Exchange Online sandbox (Entra token endpoint + admin API) until stopped.")
        {
            PortOption,
            MailboxesOption,
            SeedOption,
            FaultsOption,
            OutOption,
            RegisterCertificateOption,
            RoleOption,
            WithoutConsentOption,
        };
        command.SetAction((parseResult, _) => ExecuteAsync(parseResult, interrupt.Token));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken stop)
    {
        if (!SandboxFaultSpec.TryParse(parseResult.GetValue(FaultsOption), out var faults, out var faultError))
        {
            await Console.Error.WriteLineAsync($"exojobs: --faults: {faultError}");
            return ExitCodes.UsageOrConfiguration;
        }

        if (!TryLoadRegisteredCertificates(parseResult.GetValue(RegisterCertificateOption) ?? [], out var registered, out var certificateError))
        {
            await Console.Error.WriteLineAsync("exojobs: --register-certificate: " + certificateError);
            return ExitCodes.UsageOrConfiguration;
        }

        using var registeredCertificates = new CertificateSet(registered);
        // Not the current folder: that is usually the one kept in git, and a private key must not land in a commit.
        var outFolder = parseResult.GetValue(OutOption)?.FullName ?? SandboxClientCredential.DefaultFolder;
        using var credential = SandboxClientCredential.LoadOrCreate();
        var files = credential.Export(outFolder);
        var app = SandboxAppRegistration.ForCertificate(credential.Certificate) with
        {
            Certificates = [credential.Certificate, .. registered],
            Role = parseResult.GetValue(RoleOption),
            Permissions = parseResult.GetValue(WithoutConsentOption) ? [] : [SandboxAppRegistration.ManageAsAppPermission],
        };

        SandboxServer server;
        try
        {
            server = await SandboxServer.StartAsync(
                new SandboxServerOptions
                {
                    Port = parseResult.GetValue(PortOption),
                    Mailboxes = parseResult.GetValue(MailboxesOption),
                    Seed = parseResult.GetValue(SeedOption),
                    Faults = faults,
                    Apps = [app],
                },
                stop);
        }
        catch (Exception failure) when (failure is ArgumentException or IOException)
        {
            await Console.Error.WriteLineAsync("exojobs: " + failure.Message);
            return ExitCodes.UsageOrConfiguration;
        }

        await using (server)
        {
            var serverCertificatePath = Path.Combine(outFolder, ServerCertificateFileName);
            await File.WriteAllTextAsync(serverCertificatePath, server.ServerCertificate.ExportCertificatePem() + Environment.NewLine, CancellationToken.None);

            var output = Console.Out;
            await output.WriteLineAsync($"Sandbox listening on {server.BaseUri}");
            await output.WriteLineAsync($"  tenant:              {server.TenantId} ({server.Organization})");
            await output.WriteLineAsync($"  mailboxes:           {server.MailboxCount} (seed {server.Seed})");
            await output.WriteLineAsync($"  faults:              {(faults.Faults.Count == 0 ? "none" : faults.ToString())}");
            await output.WriteLineAsync($"  app id:              {server.AppId}");
            await output.WriteLineAsync($"  role:                {app.Role}; permissions: {(app.Permissions.Count == 0 ? "none consented" : string.Join(", ", app.Permissions))}");
            await output.WriteLineAsync($"  client certificate:  {credential.Thumbprint}");
            await output.WriteLineAsync($"    PFX (no password): {files.PfxPath}");
            await output.WriteLineAsync($"    PEM certificate:   {files.CertificatePemPath}");
            await output.WriteLineAsync($"    PEM private key:   {files.PrivateKeyPemPath}");
            foreach (var certificate in registered)
            {
                await output.WriteLineAsync($"  also registered:     {certificate.Thumbprint} ({certificate.Subject})");
            }

            await output.WriteLineAsync($"  server certificate:  {serverCertificatePath} (trust exactly this one)");
            await output.WriteLineAsync();
            await output.WriteLineAsync("A profile for exojobs.yaml that uses this sandbox:");
            await output.WriteLineAsync("  standalone:");
            await output.WriteLineAsync("    environment: Sandbox");
            await output.WriteLineAsync($"    appId: {server.AppId}");
            await output.WriteLineAsync($"    organization: {server.Organization}");
            await output.WriteLineAsync($"    certificate: {{ pem: {files.CertificatePemPath}, key: {files.PrivateKeyPemPath} }}");
            await output.WriteLineAsync($"    sandbox: {{ url: {server.BaseUri}, serverCertificate: {serverCertificatePath} }}");
            await output.WriteLineAsync();
            await output.WriteLineAsync("Press Ctrl+C to stop.");

            try
            {
                await Task.Delay(Timeout.Infinite, stop);
            }
            catch (OperationCanceledException)
            {
                await output.WriteLineAsync("Sandbox stopped.");
            }
        }

        return ExitCodes.Succeeded;
    }

    private static bool TryLoadRegisteredCertificates(FileInfo[] files, out X509Certificate2[] certificates, out string error)
    {
        var loaded = new List<X509Certificate2>();
        foreach (var file in files)
        {
            try
            {
                loaded.Add(X509CertificateLoader.LoadCertificateFromFile(file.FullName));
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or CryptographicException)
            {
                loaded.ForEach(c => c.Dispose());
                certificates = [];
                error = $"{file.FullName}: {failure.Message} Give the public certificate file (.cer) that `exojobs cert new` wrote.";
                return false;
            }
        }

        certificates = [.. loaded];
        error = string.Empty;
        return true;
    }

    /// <summary>Disposes the registered certificates when the sandbox stops; the server only reads their public keys.</summary>
    private sealed class CertificateSet(X509Certificate2[] certificates) : IDisposable
    {
        public void Dispose()
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }
}
