using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Configuration;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs cert new --subject CN=… [--years N] [--key-size N] [--out dir] [--name N] [--password-env NAME | --store S] [--force]</c>:
/// a self-signed client certificate: the public <c>.cer</c> to upload to the app registration, and the private key in a
/// password-protected <c>.pfx</c> or a certificate store; then the profile lines that use it.
/// </summary>
internal static class CertNewCommand
{
    private static readonly Option<string> SubjectOption = new("--subject")
    {
        Description = "The certificate's distinguished name, e.g. CN=exojobs-contoso; the files are named after its CN.",
        Required = true,
    };

    private static readonly Option<int> YearsOption = new("--years")
    {
        Description = $"Years of validity, 1-{SelfSignedCertificateFactory.MaximumYears} (Entra accepts longer; a yearly rotation is good practice).",
        DefaultValueFactory = _ => SelfSignedCertificateFactory.DefaultYears,
    };

    private static readonly Option<int> KeySizeOption = new("--key-size")
    {
        Description = $"RSA key size in bits: {string.Join(", ", SelfSignedCertificateFactory.KeySizes)}.",
        DefaultValueFactory = _ => SelfSignedCertificateFactory.DefaultKeySize,
    };

    private static readonly Option<DirectoryInfo?> OutOption = new("--out")
    {
        Description = "The folder to write the files into, created if missing (default: the current folder).",
    };

    private static readonly Option<string?> NameOption = new("--name")
    {
        Description = "The files' base name (default: made from the subject's CN): <name>.cer, <name>.pfx, <name>.pfx.password.",
    };

    private static readonly Option<string?> PasswordEnvOption = new("--password-env")
    {
        Description = "Protects the .pfx with the password in this environment variable, instead of a generated one written to <name>.pfx.password.",
    };

    private static readonly Option<CertificateStoreScope?> StoreOption = new("--store")
    {
        Description = "Imports the certificate and its private key into this personal store (CurrentUser or LocalMachine) instead of writing a .pfx.",
    };

    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replaces files of the same name." };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("new", "Creates a self-signed client certificate (RSA, SHA-256) for an app registration: a .cer to upload and a .pfx, or a store entry.")
        {
            SubjectOption,
            YearsOption,
            KeySizeOption,
            OutOption,
            NameOption,
            PasswordEnvOption,
            StoreOption,
            ForceOption,
        };
        command.SetAction(parseResult => Execute(parseResult, time));
        return command;
    }

    private static int Execute(ParseResult parseResult, TimeProvider time)
    {
        var error = Console.Error;
        if (!CertificateSubject.TryParse(parseResult.GetRequiredValue(SubjectOption), out var subject, out var subjectError))
        {
            error.WriteLine($"exojobs: --subject: {subjectError}");
            return ExitCodes.UsageOrConfiguration;
        }

        var keySize = parseResult.GetValue(KeySizeOption);
        if (!SelfSignedCertificateFactory.KeySizes.Contains(keySize))
        {
            error.WriteLine($"exojobs: --key-size must be one of {string.Join(", ", SelfSignedCertificateFactory.KeySizes)} bits, not {keySize.ToString(CultureInfo.InvariantCulture)}.");
            return ExitCodes.UsageOrConfiguration;
        }

        var years = parseResult.GetValue(YearsOption);
        if (years is < 1 or > SelfSignedCertificateFactory.MaximumYears)
        {
            error.WriteLine($"exojobs: --years must be 1 to {SelfSignedCertificateFactory.MaximumYears}, not {years.ToString(CultureInfo.InvariantCulture)}; create a new certificate before this one expires instead.");
            return ExitCodes.UsageOrConfiguration;
        }

        var name = parseResult.GetValue(NameOption) ?? CertificateFileName.FromCommonName(subject.CommonName);
        if (!CertificateFileName.IsValid(name, out var nameError))
        {
            error.WriteLine(parseResult.GetValue(NameOption) is null
                ? $"exojobs: --subject: the CN '{subject.CommonName}' leaves no usable file name; give one with --name."
                : $"exojobs: --name: {nameError}.");
            return ExitCodes.UsageOrConfiguration;
        }

        var store = parseResult.GetValue(StoreOption);
        var passwordVariable = parseResult.GetValue(PasswordEnvOption);
        if (!TryReadPassword(store, passwordVariable, out var password, out var passwordError))
        {
            error.WriteLine("exojobs: " + passwordError);
            return ExitCodes.UsageOrConfiguration;
        }

        if (store is { } scope && !CertificateStores.IsAvailable(scope))
        {
            error.WriteLine($"exojobs: --store {scope}: {CertificateStores.Describe(scope)}. Use --store CurrentUser, or leave out --store to write a password-protected .pfx.");
            return ExitCodes.UsageOrConfiguration;
        }

        var folder = parseResult.GetValue(OutOption)?.FullName ?? Directory.GetCurrentDirectory();
        var files = NewCertificateFiles.For(folder, name, withPfx: store is null, withPasswordFile: store is null && passwordVariable is null);
        var force = parseResult.GetValue(ForceOption);
        var existing = files.All.Where(File.Exists).ToList();
        if (existing.Count > 0 && !force)
        {
            error.WriteLine($"exojobs: {string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}; nothing was written. " +
                "Choose another --name or --out, or pass --force to replace them (the key they hold is then lost, and profiles that use it stop signing in).");
            return ExitCodes.UsageOrConfiguration;
        }

        var now = time.GetUtcNow();
        using var certificate = SelfSignedCertificateFactory.Create(subject, keySize, years, now);
        if (store is { } importScope)
        {
            if (!TryImport(certificate, importScope, files, force))
            {
                return ExitCodes.JobFailed;
            }
        }
        else
        {
            try
            {
                CertificateWriter.Write(certificate, files, password, force);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"exojobs: {exception.Message} Choose another --out folder.");
                return ExitCodes.JobFailed;
            }
        }

        var source = store is { } storeScope
            ? new CertificateSource { Thumbprint = certificate.Thumbprint, Store = storeScope }
            : new CertificateSource { PfxPath = files.PfxPath, PfxPassword = new SecretReference(passwordVariable, files.PasswordPath) };
        PrintCreated(CertificateSummary.Of(certificate, now), files, store, passwordVariable, years);
        var configurationPath = ConfigurationReader.ResolvePath(parseResult);
        PrintNextSteps(certificate, files, configurationPath, CertificateYaml.Format(source, Path.GetDirectoryName(configurationPath)!));
        return ExitCodes.Succeeded;
    }

    /// <summary>The PFX password: from the named variable, generated, or none when the key goes into a store.</summary>
    private static bool TryReadPassword(CertificateStoreScope? store, string? variable, out string? password, out string error)
    {
        password = null;
        error = string.Empty;
        if (store is not null)
        {
            if (variable is not null)
            {
                error = "--password-env protects a .pfx file, and --store writes none: leave out one of them.";
                return false;
            }

            return true;
        }

        if (variable is null)
        {
            password = PfxPasswordGenerator.Generate();
            return true;
        }

        password = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(password))
        {
            error = $"--password-env: environment variable {variable} is {(password is null ? "not set" : "empty")}; set it to the password for the .pfx, " +
                "or leave out --password-env to have a password generated into a file only you can read.";
            return false;
        }

        return true;
    }

    private static bool TryImport(X509Certificate2 certificate, CertificateStoreScope scope, NewCertificateFiles files, bool overwrite)
    {
        try
        {
            CertificateStoreImporter.Import(certificate, scope);
        }
        catch (CryptographicException exception)
        {
            var advice = scope == CertificateStoreScope.LocalMachine
                ? "Run it as an administrator, or use --store CurrentUser for the account that runs exojobs."
                : "Leave out --store to write a password-protected .pfx instead.";
            Console.Error.WriteLine($"exojobs: cannot import the certificate into {CertificateStores.Describe(scope)}: {exception.Message} {advice}");
            return false;
        }

        try
        {
            CertificateWriter.Write(certificate, files, pfxPassword: null, overwrite);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(
                $"exojobs: the certificate (thumbprint {certificate.Thumbprint}) is in {CertificateStores.Describe(scope)}, but its public part could not be written: " +
                $"{exception.Message} Export it from the store to upload it, or remove it from the store and run this again with another --out.");
            return false;
        }

        return true;
    }

    private static void PrintCreated(CertificateSummary summary, NewCertificateFiles files, CertificateStoreScope? store, string? passwordVariable, int years)
    {
        var output = Console.Out;
        output.WriteLine($"Created certificate {summary.Subject}");
        output.WriteLine($"  thumbprint:   {summary.Thumbprint} (SHA-1, as the Entra portal shows it)");
        output.WriteLine($"  valid:        {CertificateText.Format(summary.NotBefore)} to {CertificateText.Format(summary.NotAfter)} ({years.ToString(CultureInfo.InvariantCulture)} year{(years == 1 ? string.Empty : "s")})");
        output.WriteLine($"  key:          {summary.KeyAlgorithm} {summary.KeySize?.ToString(CultureInfo.InvariantCulture)} bits, signed {summary.SignatureAlgorithm}");
        output.WriteLine($"  public part:  {files.CertificatePath} (upload this file)");
        if (store is { } scope)
        {
            output.WriteLine($"  private key:  in {CertificateStores.Describe(scope)}, with the certificate");
            return;
        }

        output.WriteLine($"  private key:  {files.PfxPath} (password-protected, readable only by you)");
        output.WriteLine(passwordVariable is null
            ? $"  password:     {files.PasswordPath} (generated; readable only by you, never printed)"
            : $"  password:     the value of environment variable {passwordVariable}");
    }

    /// <param name="configurationPath">The exojobs.yaml the profile goes into (--config, else as every verb finds it): paths are written relative to its folder.</param>
    private static void PrintNextSteps(X509Certificate2 certificate, NewCertificateFiles files, string configurationPath, string certificateYaml)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Next steps:");
        output.WriteLine($"  1. Upload {Path.GetFileName(files.CertificatePath)} to the app: Entra admin center > App registrations > your app >");
        output.WriteLine("     Certificates & secrets > Certificates > Upload certificate.");
        output.WriteLine($"  2. Check that the thumbprint Entra shows is {certificate.Thumbprint}.");
        output.WriteLine($"  3. Point a profile in {configurationPath} at the certificate{(files.PfxPath is null ? string.Empty : " (relative paths are read from its folder)")}:");
        output.WriteLine();
        output.WriteLine("  <profile>:");
        output.WriteLine("    appId: <Application (client) ID of the app registration>");
        output.WriteLine("    organization: <tenant>.onmicrosoft.com");
        output.WriteLine($"    certificate: {certificateYaml}");
        output.WriteLine();
        output.WriteLine("  4. Check what exojobs finds: exojobs cert show <profile>");
        if (files.PfxPath is not null)
        {
            output.WriteLine();
            output.WriteLine("Keep the .pfx and its password where only the account that runs exojobs can read them, and out of git.");
        }
    }
}
