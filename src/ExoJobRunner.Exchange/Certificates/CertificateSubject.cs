using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// The subject of a certificate <c>exojobs cert new</c> creates: a distinguished name with a common name (CN), which
/// the Entra portal and the certificate stores show and the file names are made from.
/// </summary>
public sealed class CertificateSubject
{
    // X.520's upper bound for a common name (ub-common-name); longer ones are refused by strict parsers.
    private const int MaximumCommonNameLength = 64;

    private const string CommonNameOid = "2.5.4.3";

    private const string Example = "CN=exojobs-contoso";

    private CertificateSubject(X500DistinguishedName distinguishedName, string commonName)
    {
        DistinguishedName = distinguishedName;
        CommonName = commonName;
    }

    public X500DistinguishedName DistinguishedName { get; }

    /// <summary>The value of the first CN in the name, as written (for example <c>exojobs-contoso</c>).</summary>
    public string CommonName { get; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="error"/> says what is wrong with it and how to write it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out CertificateSubject? subject, out string error)
    {
        subject = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"the subject is empty; give a distinguished name such as {Example}";
            return false;
        }

        var trimmed = text.Trim();
        if (!trimmed.Contains('=', StringComparison.Ordinal))
        {
            error = $"'{trimmed}' is not a distinguished name; did you mean CN={trimmed}?";
            return false;
        }

        X500DistinguishedName name;
        try
        {
            name = new X500DistinguishedName(trimmed);
        }
        catch (CryptographicException)
        {
            error = $"'{trimmed}' is not a distinguished name: write attribute=value parts separated by commas, each attribute " +
                "a known one (CN, O, OU, L, S, C, E) or an OID, and quote a value that holds a comma, as in CN=exojobs-contoso, O=\"Contoso, Ltd\"";
            return false;
        }

        var commonName = name.EnumerateRelativeDistinguishedNames()
            .Where(part => !part.HasMultipleElements && part.GetSingleElementType().Value == CommonNameOid)
            .Select(part => part.GetSingleElementValue())
            .FirstOrDefault();
        if (commonName is null)
        {
            error = $"'{trimmed}' has no CN (common name), which the Entra portal shows the certificate by; add one, as in CN=exojobs-contoso, {trimmed}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(commonName))
        {
            error = $"'{trimmed}' has an empty CN; give the certificate a name, as in {Example}";
            return false;
        }

        if (commonName.Length > MaximumCommonNameLength)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"the CN in '{trimmed}' is {commonName.Length} characters long; X.509 allows at most {MaximumCommonNameLength}");
            return false;
        }

        subject = new CertificateSubject(name, commonName);
        error = string.Empty;
        return true;
    }

    public override string ToString() => DistinguishedName.Name;
}
