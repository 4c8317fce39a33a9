using System.Globalization;

namespace ExoJobRunner.Benchmarks.Enumeration;

/// <summary>
/// The sandbox a measured process enumerates, as <c>exojobs sandbox</c> would describe it to a client: its address,
/// the app and organization to sign in as, the client certificate's PEM files and the server certificate to trust.
/// </summary>
/// <param name="BaseUri">The sandbox's <c>https://127.0.0.1:PORT/</c>.</param>
/// <param name="AppId">The registered app's id.</param>
/// <param name="Organization">The tenant's <c>*.onmicrosoft.com</c> domain.</param>
/// <param name="CertificatePemPath">The client certificate.</param>
/// <param name="PrivateKeyPemPath">Its private key.</param>
/// <param name="ServerCertificatePath">The sandbox's TLS certificate, trusted and nothing else.</param>
/// <param name="Mailboxes">How many mailboxes <c>Get-Mailbox -ResultSize Unlimited</c> must return.</param>
/// <param name="PageSize">Results per page asked for with <c>Prefer: odata.maxpagesize</c>.</param>
internal sealed record EnumerationTarget(
    Uri BaseUri,
    string AppId,
    string Organization,
    string CertificatePemPath,
    string PrivateKeyPemPath,
    string ServerCertificatePath,
    int Mailboxes,
    int PageSize)
{
    private const int ArgumentCount = 8;

    /// <summary>
    /// Mailboxes each measured process enumerates before the clock starts, through the same code, so that what is
    /// measured is the steady state rather than the JIT recompiling the hot paths as they warm up: after two pages the
    /// tiered JIT was still at it (on this loaded machine it doubled the client's processor time), after twenty a run
    /// took as long as one with tiered compilation off.
    /// </summary>
    public int WarmupResults => Math.Min(Mailboxes, 20 * PageSize);

    public IEnumerable<string> ToArguments() =>
    [
        BaseUri.AbsoluteUri, AppId, Organization, CertificatePemPath, PrivateKeyPemPath, ServerCertificatePath,
        Mailboxes.ToString(CultureInfo.InvariantCulture), PageSize.ToString(CultureInfo.InvariantCulture),
    ];

    /// <exception cref="ArgumentException">The arguments are not what <see cref="ToArguments"/> wrote.</exception>
    public static EnumerationTarget FromArguments(IReadOnlyList<string> arguments) =>
        arguments.Count == ArgumentCount
            ? new EnumerationTarget(
                new Uri(arguments[0]),
                arguments[1],
                arguments[2],
                arguments[3],
                arguments[4],
                arguments[5],
                int.Parse(arguments[6], CultureInfo.InvariantCulture),
                int.Parse(arguments[7], CultureInfo.InvariantCulture))
            : throw new ArgumentException($"an enumeration target takes {ArgumentCount} arguments, not {arguments.Count}", nameof(arguments));
}
