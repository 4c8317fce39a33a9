using System.Text;

namespace ExoJobRunner.Exchange.Certificates;

/// <summary>
/// The base name of the files written for a new certificate (<c>&lt;name&gt;.cer</c>, <c>&lt;name&gt;.pfx</c>): made from
/// its common name, so <c>CN=ExoJobRunner Contoso</c> becomes <c>ExoJobRunner-Contoso</c>, or given explicitly.
/// </summary>
public static class CertificateFileName
{
    /// <summary>The name made from <paramref name="commonName"/>; empty when nothing usable is left (then one must be given).</summary>
    public static string FromCommonName(string commonName)
    {
        ArgumentNullException.ThrowIfNull(commonName);

        var name = new StringBuilder(commonName.Length);
        foreach (var character in commonName)
        {
            var kept = IsAllowed(character) ? character : '-';
            if (kept != '-' || (name.Length > 0 && name[^1] != '-'))
            {
                name.Append(kept);
            }
        }

        return name.ToString().Trim('-', '.');
    }

    /// <summary>Whether <paramref name="name"/> can be used as given; <paramref name="error"/> says why not.</summary>
    public static bool IsValid(string? name, out string error)
    {
        if (string.IsNullOrEmpty(name) || !name.All(IsAllowed) || name.Trim('.').Length == 0)
        {
            error = $"'{name}' is not a file name for the certificate: use letters, digits, '-', '_' and '.' (no folders; --out chooses the folder)";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool IsAllowed(char character) => char.IsLetterOrDigit(character) || character is '-' or '_' or '.';
}
