using ExoJobRunner.Doctor;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Diagnostics;

/// <summary>
/// What Exchange contributes to <c>exojobs doctor</c>: the checks of a profile's connection, in the order each builds on
/// the one before — certificate found, private key, not expired, key strength, organization, token acquired,
/// Exchange.ManageAsApp in the token, and a harmless cmdlet. They share what they find (the certificate, the endpoint,
/// the token, an in-process sandbox) until this is disposed; the token never leaves them.
/// </summary>
public sealed class ConnectionChecks : IAsyncDisposable
{
    private readonly ConnectionCheckContext context;

    /// <param name="profile">
    /// The profile to check, asked for when the first of these checks runs: a check before them (the configuration's)
    /// chooses it.
    /// </param>
    /// <param name="options">How sessions connect: request timeout, retries, clock, the environments besides Microsoft's clouds.</param>
    public ConnectionChecks(Func<ExchangeConnectionSettings?> profile, ExchangeSessionPoolOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        context = new ConnectionCheckContext(profile, options ?? new ExchangeSessionPoolOptions());
        Checks =
        [
            new CertificateFoundCheck(context),
            new PrivateKeyCheck(context),
            new CertificateValidityCheck(context),
            new KeyStrengthCheck(context),
            new OrganizationCheck(context),
            new TokenCheck(context),
            new ManageAsAppCheck(context),
            new CmdletCheck(context),
        ];
    }

    public IReadOnlyList<DoctorCheck> Checks { get; }

    /// <summary>The token the checks obtained, for tests that prove it is never reported.</summary>
    internal string? AccessToken => context.AccessToken;

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
