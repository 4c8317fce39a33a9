using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Exchange.Tests.Certificates;

public sealed class PfxPasswordGeneratorTests
{
    [Fact]
    public void Generate_ReturnsLongLettersAndDigits_DifferentEachTime()
    {
        var passwords = Enumerable.Range(0, 20).Select(_ => PfxPasswordGenerator.Generate()).ToList();

        Assert.All(passwords, password =>
        {
            Assert.Equal(PfxPasswordGenerator.Length, password.Length);
            Assert.True(password.All(char.IsAsciiLetterOrDigit), password);
        });
        Assert.Equal(passwords.Count, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
