using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Certificates;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// The profile's client certificate can be found and opened: in the store, the PFX file (with its password) or the PEM
/// files. Reports what it looked for and where, and for an environment with its own app (the in-process sandbox) that
/// app's certificate file.
/// </summary>
internal sealed class CertificateFoundCheck(ConnectionCheckContext context) : DoctorCheck
{
    public override string Name => "Certificate found";

    public override Task<DoctorCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = context.RequireSettings();
        IExchangeEnvironmentProvider environment;
        try
        {
            environment = context.Environment;
        }
        catch (ExchangeConnectionException exception)
        {
            return Task.FromResult(DoctorCheckResult.Failed(
                DoctorFailureKind.Other, $"environment {settings.Environment} is not available", exception.Cause, exception.Fix!));
        }

        EnvironmentSignIn? provided;
        try
        {
            provided = environment.ProvideSignIn(settings);
        }
        catch (ExchangeConnectionException exception)
        {
            return Task.FromResult(DoctorCheckResult.Failed(
                DoctorFailureKind.Authentication, $"{environment.Name}'s certificate cannot be kept", exception.Cause, exception.Fix ?? "Correct the cause above, then run 'exojobs doctor' again."));
        }

        if (provided is null)
        {
            return Task.FromResult(FindProfileCertificate(context, settings));
        }

        context.UseProvidedSignIn(provided);
        return Task.FromResult(DoctorCheckResult.Passed(
            $"{CertificateValidator.Describe(provided.Certificate)}: {environment.Name}'s own, {provided.CertificateOrigin}"));
    }

    private static DoctorCheckResult FindProfileCertificate(ConnectionCheckContext context, ExchangeConnectionSettings settings)
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
