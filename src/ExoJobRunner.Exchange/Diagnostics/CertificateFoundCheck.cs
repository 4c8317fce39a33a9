using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The profile's client certificate can be found and opened: in the store, the PFX file (with its password) or the PEM
/// files. Reports what it looked for and where, and for the in-process sandbox the sandbox's own certificate file.
/// </summary>
internal sealed class CertificateFoundCheck : DoctorCheck
{
    private const string SandboxFolderFix = "Make the folder writable, or set EXOJOBS_DATA_DIR to a folder that is.";

    public override string Name => "Certificate found";

    public override Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var settings = context.RequireSettings();
        return Task.FromResult(context.IsInProcessSandbox ? FindSandboxCertificate(context, settings) : FindProfileCertificate(context, settings));
    }

    private static DoctorCheckResult FindSandboxCertificate(DoctorContext context, ExchangeConnectionSettings settings)
    {
        try
        {
            var credential = ExchangeConnector.LoadSandboxCredential(settings.ProfileName, context.Options.SandboxDataFolder);
            context.UseCertificate(credential.Certificate, credential);
            var made = credential.Created ? ", made now" : string.Empty;
            return DoctorCheckResult.Passed(
                $"{CertificateValidator.Describe(credential.Certificate)}: the in-process sandbox's own, in {credential.StoredPath}{made}");
        }
        catch (ExchangeConnectionException exception)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication, "the sandbox's certificate cannot be kept", exception.Cause, exception.Fix ?? SandboxFolderFix);
        }
    }

    private static DoctorCheckResult FindProfileCertificate(DoctorContext context, ExchangeConnectionSettings settings)
    {
        if (settings.CertificateSource is not { } source)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                "no certificate is configured",
                $"Profile '{settings.ProfileName}' names no client certificate.",
                "Add certificate: to the profile: thumbprint: <SHA-1 thumbprint> (a certificate store), path: <file.pfx> with " +
                "password: { env: NAME }, or pem: <cert.pem> with key: <key.pem>.");
        }

        try
        {
            var certificate = CertificateLoader.Load(source);
            context.UseCertificate(certificate, certificate);
            return DoctorCheckResult.Passed($"{CertificateValidator.Describe(certificate)} from {source.Describe()}");
        }
        catch (ExchangeConnectionException exception)
        {
            return DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication,
                "looked for " + source.Describe(),
                exception.Cause,
                exception.Fix ?? "Correct the profile's certificate: entry.");
        }
    }
}
