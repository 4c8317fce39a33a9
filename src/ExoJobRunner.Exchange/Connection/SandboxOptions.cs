namespace ExoJobRunner.Exchange.Connection;

/// <summary>Size, seed and injected faults of the in-process sandbox tenant for an <c>environment: Sandbox</c> profile.</summary>
/// <param name="Mailboxes">How many mailboxes the generated tenant has.</param>
/// <param name="Seed">The seed the tenant (and the fault draws) derive from.</param>
/// <param name="Faults">
/// Faults to inject into admin API requests, in the sandbox's spec form (<c>429:0.1:2s,503:0.05,drop:0.05,revoke:0.01</c>),
/// to try a job against a misbehaving service; null for none.
/// </param>
public sealed record SandboxOptions(int Mailboxes = SandboxOptions.DefaultMailboxes, int Seed = SandboxOptions.DefaultSeed, string? Faults = null)
{
    public const int DefaultMailboxes = 250;
    public const int DefaultSeed = 42;
}
