using System.CommandLine;
using System.Globalization;
using ExoJobRunner.Cli.Infrastructure;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Cli.Commands;

/// <summary>
/// <c>exojobs cert show [profile]</c>: the certificate a profile signs in with, found and checked exactly as a run
/// finds and checks it, without any network call. Exit 5 when it cannot be found, read or used, as a run would.
/// </summary>
internal static class CertShowCommand
{
    private static readonly Argument<string?> ProfileArgument = new("profile")
    {
        Description = "The profile (default: the one under defaults: in exojobs.yaml).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static Command Create(TimeProvider time)
    {
        var command = new Command("show", "Shows a profile's certificate: subject, thumbprint, validity, key, where it was found, and what is wrong with it.")
        {
            ProfileArgument,
        };
        command.SetAction(parseResult => Execute(parseResult, time));
        return command;
    }

    private static int Execute(ParseResult parseResult, TimeProvider time)
    {
        var error = Console.Error;
        var configuration = ConfigurationReader.Load(parseResult, error);
        if (configuration is null)
        {
            return ExitCodes.UsageOrConfiguration;
        }

        var profileName = parseResult.GetValue(ProfileArgument) ?? configuration.Defaults.ProfileName;
        if (profileName is null)
        {
            error.WriteLine($"exojobs: no profile given, and {configuration.FilePath} names none under defaults:; run 'exojobs cert show <profile>'.");
            return ExitCodes.UsageOrConfiguration;
        }

        if (!configuration.Profiles.TryGetValue(profileName, out var profile))
        {
            error.WriteLine(CliErrors.UnknownProfile(profileName, configuration));
            return ExitCodes.UsageOrConfiguration;
        }

        if (profile.Certificate is not { } source)
        {
            var why = profile.Environment == ExchangeEnvironment.Sandbox && profile.Sandbox?.Url is null
                ? "it uses the built-in sandbox, which signs in with a certificate of its own"
                : "it has no certificate: key";
            error.WriteLine($"exojobs: profile '{profile.Name}' ({profile.Location}) has no certificate to show: {why}.");
            return ExitCodes.UsageOrConfiguration;
        }

        LocatedCertificate located;
        try
        {
            located = CertificateLoader.Locate(source);
        }
        catch (ExchangeConnectionException exception)
        {
            error.WriteLine($"exojobs: profile '{profile.Name}': {exception.Message}");
            return ExitCodes.ConnectionFailed;
        }

        using (located)
        {
            var now = time.GetUtcNow();
            Print(profile.Name, CertificateSummary.Of(located.Certificate, now), located.Origin);
            var findings = CertificateValidator.Validate(located.Certificate, now);
            foreach (var finding in findings)
            {
                var severity = finding.Severity == CertificateFindingSeverity.Error ? "error" : "warning";
                Console.Out.WriteLine($"{severity}: {finding.Message}");
            }

            return findings.Any(finding => finding.Severity == CertificateFindingSeverity.Error) ? ExitCodes.ConnectionFailed : ExitCodes.Succeeded;
        }
    }

    private static void Print(string profileName, CertificateSummary summary, string origin)
    {
        var output = Console.Out;
        var daysLeft = summary.DaysLeft >= 0
            ? summary.DaysLeft.ToString(CultureInfo.InvariantCulture)
            : $"none, expired on {CertificateText.Format(summary.NotAfter)}";
        output.WriteLine($"Certificate of profile '{profileName}'");
        output.WriteLine($"  subject:      {summary.Subject}");
        output.WriteLine($"  issuer:       {summary.Issuer}{(summary.IsSelfSigned ? " (self-signed)" : string.Empty)}");
        output.WriteLine($"  thumbprint:   {summary.Thumbprint} (SHA-1, as the Entra portal shows it)");
        output.WriteLine($"  valid from:   {CertificateText.Format(summary.NotBefore)}");
        output.WriteLine($"  valid until:  {CertificateText.Format(summary.NotAfter)}");
        output.WriteLine($"  days left:    {daysLeft}");
        output.WriteLine($"  key:          {summary.KeyAlgorithm}{(summary.KeySize is { } size ? $" {size.ToString(CultureInfo.InvariantCulture)} bits" : string.Empty)}");
        output.WriteLine($"  signature:    {summary.SignatureAlgorithm}");
        output.WriteLine($"  private key:  {(summary.HasPrivateKey ? "yes" : "no")}");
        output.WriteLine($"  found in:     {origin}");
    }
}
