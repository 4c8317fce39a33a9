using System.Text.RegularExpressions;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Configuration;

/// <summary>
/// A profile's <c>certificate:</c> value as one line of YAML (<c>{ path: certs/app.pfx, password: { file: … } }</c>) that
/// the configuration loader reads back to the same <see cref="CertificateSource"/>: what commands print for the user
/// to paste into exojobs.yaml.
/// </summary>
public static partial class CertificateYaml
{
    /// <param name="source">Exactly one of a thumbprint, a PFX file or a PEM file, as the loader accepts.</param>
    /// <param name="baseDirectory">The folder of exojobs.yaml: paths inside it are written relative to it, as it resolves them.</param>
    public static string Format(CertificateSource source, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseDirectory);

        var entries = new List<string>();
        if (source.Thumbprint is not null)
        {
            entries.Add("thumbprint: " + Scalar(source.Thumbprint));
            if (source.Store is { } store)
            {
                entries.Add("store: " + store);
            }
        }
        else if (source.PfxPath is not null)
        {
            entries.Add("path: " + PathScalar(source.PfxPath, baseDirectory));
            if (source.PfxPassword is { } password)
            {
                entries.Add("password: " + (password.EnvironmentVariable is { } variable
                    ? $"{{ env: {Scalar(variable)} }}"
                    : $"{{ file: {PathScalar(password.FilePath!, baseDirectory)} }}"));
            }
        }
        else if (source.PemCertificatePath is not null)
        {
            entries.Add("pem: " + PathScalar(source.PemCertificatePath, baseDirectory));
            if (source.PemKeyPath is not null)
            {
                entries.Add("key: " + PathScalar(source.PemKeyPath, baseDirectory));
            }
        }
        else
        {
            throw new ArgumentException("The certificate source names no certificate.", nameof(source));
        }

        return $"{{ {string.Join(", ", entries)} }}";
    }

    /// <summary>Relative with '/' (valid on every platform, and the same in a repository cloned anywhere) when inside the folder.</summary>
    private static string PathScalar(string path, string baseDirectory)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Path.GetFullPath(baseDirectory), full);
        var inside = !Path.IsPathRooted(relative) && relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return Scalar(inside ? relative.Replace(Path.DirectorySeparatorChar, '/') : full);
    }

    /// <summary>
    /// Plain when nothing in it means something to YAML; otherwise single-quoted, where only the quote itself is
    /// escaped (a Windows path's backslashes stay as they are).
    /// </summary>
    private static string Scalar(string value) =>
        PlainScalar().IsMatch(value) && value is not ("null" or "Null" or "NULL")
            ? value
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_./][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainScalar();
}
