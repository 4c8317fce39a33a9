using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The app an environment signs in with in place of a profile's own (the in-process sandbox registers its own app with
/// its own certificate). Disposing it releases the certificate.
/// </summary>
/// <param name="appId">The app registration's application (client) id.</param>
/// <param name="organization">The tenant's <c>*.onmicrosoft.com</c> domain.</param>
/// <param name="certificate">The client certificate, with its private key.</param>
/// <param name="certificateOrigin">Where the certificate is kept, for the doctor: "in /home/ann/.local/share/exojobs/sandbox/client.pfx".</param>
/// <param name="owner">What disposes the certificate.</param>
public sealed class EnvironmentSignIn(string appId, string organization, X509Certificate2 certificate, string certificateOrigin, IDisposable owner) : IDisposable
{
    public string AppId { get; } = appId;

    public string Organization { get; } = organization;

    public X509Certificate2 Certificate { get; } = certificate;

    public string CertificateOrigin { get; } = certificateOrigin;

    public void Dispose() => owner.Dispose();
}
