namespace ExoJobRunner.Exchange.Tests.Support;

/// <summary>A data folder shared by a test class, so the sandbox client certificate is made once rather than per test.</summary>
public sealed class SandboxDataFolderFixture : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public string Path => directory.Path;

    public string File(string name) => directory.File(name);

    public void Dispose() => directory.Dispose();
}
