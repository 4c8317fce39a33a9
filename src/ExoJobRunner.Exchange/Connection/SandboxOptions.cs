namespace ExoJobRunner.Exchange.Connection;

/// <summary>
/// The sandbox an <c>environment: Sandbox</c> profile uses: the in-process tenant's size, seed and injected faults, or,
/// with <see cref="Url"/>, a standalone one started by <c>exojobs sandbox</c>.
/// </summary>
/// <param name="Mailboxes">How many mailboxes the generated tenant has.</param>
/// <param name="Seed">The seed the tenant (and the fault draws) derive from.</param>
/// <param name="Faults">
/// Faults to inject into admin API requests, in the sandbox's spec form (<c>429:0.1:2s,503:0.05,drop:0.05,revoke:0.01</c>),
/// to try a job against a misbehaving service; null for none.
/// </param>
/// <param name="Url">
/// The base address of a standalone sandbox (<c>https://127.0.0.1:PORT/</c>); null starts one in-process. A standalone
/// sandbox is reached like a real tenant: the profile's appId, organization and certificate sign in.
/// </param>
/// <param name="ServerCertificatePath">The standalone sandbox's TLS certificate (PEM) that the client trusts, and nothing else.</param>
public sealed record SandboxOptions(
    int Mailboxes = SandboxOptions.DefaultMailboxes,
    int Seed = SandboxOptions.DefaultSeed,
    string? Faults = null,
    Uri? Url = null,
    string? ServerCertificatePath = null)
{
    public const int DefaultMailboxes = 250;
    public const int DefaultSeed = 42;
}
