namespace ExoJobRunner.Exchange.Connection;

/// <summary>Size and seed of the in-process sandbox tenant for an <c>environment: Sandbox</c> profile.</summary>
public sealed record SandboxOptions(int Mailboxes = SandboxOptions.DefaultMailboxes, int Seed = SandboxOptions.DefaultSeed)
{
    public const int DefaultMailboxes = 250;
    public const int DefaultSeed = 42;
}
