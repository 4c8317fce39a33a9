namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>One fault-free sandbox of 2,500 mailboxes shared by a test class (its tests run one after another).</summary>
public sealed class SharedSandboxFixture : IAsyncLifetime
{
    public const int Mailboxes = 2_500;

    internal SandboxHarness Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await SandboxHarness.StartAsync(Mailboxes);

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
