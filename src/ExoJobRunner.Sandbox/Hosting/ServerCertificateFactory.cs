using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Sandbox.Hosting;

/// <summary>
/// Makes the sandbox's TLS certificate: self-signed, ECDSA P-256, for 127.0.0.1, ::1 and localhost, valid for 30 days
/// from now in real time (TLS clients check it against the real clock, whatever clock the sandbox itself runs on).
/// Clients are meant to trust exactly this certificate, not a CA. P-256 rather than RSA because a new key is made at
/// every start and an RSA key takes a noticeable fraction of a second to generate; every TLS stack accepts both.
/// </summary>
internal static class ServerCertificateFactory
{
    public static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1, O=ExoJobRunner Sandbox", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(30));

        // A certificate fresh from CreateSelfSigned holds an ephemeral key, which Windows' TLS stack can't use;
        // a round trip through PKCS#12 gives it a key every platform's SslStream accepts.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
