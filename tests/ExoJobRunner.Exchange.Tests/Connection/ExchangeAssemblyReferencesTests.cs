using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Exchange.Tests.Connection;

/// <summary>
/// The production client carries no emulator: the sandbox (and the ASP.NET Core it runs on) is reached through the
/// environment providers the host registers, never referenced by the client itself.
/// </summary>
public sealed class ExchangeAssemblyReferencesTests
{
    [Theory]
    [InlineData("ExoJobRunner.Sandbox")]
    [InlineData("Microsoft.AspNetCore")]
    public void ExchangeAssembly_DoesNotReference(string prefix)
    {
        var references = typeof(ExchangeSession).Assembly.GetReferencedAssemblies().Select(reference => reference.Name!);

        Assert.DoesNotContain(references, name => name.StartsWith(prefix, StringComparison.Ordinal));
    }
}
