using ExoJobRunner.Exchange.Generators.Emit;

namespace ExoJobRunner.Exchange.Generators.Tests;

public sealed class CSharpNamesTests
{
    [Theory]
    [InlineData("Identity", "identity")]
    [InlineData("ResultSize", "resultSize")]
    [InlineData("OWAEnabled", "owaEnabled")]
    [InlineData("MAPIEnabled", "mapiEnabled")]
    [InlineData("ID", "id")]
    [InlineData("IsVIP", "isVIP")]
    [InlineData("Event", "@event")]
    [InlineData("Default", "@default")]
    [InlineData("ExternalDirectoryObjectId", "externalDirectoryObjectId")]
    public void CamelCase_LowersTheLeadingWordOrAcronym_AndEscapesKeywords(string parameterName, string expected)
    {
        Assert.Equal(expected, CSharpNames.CamelCase(parameterName));
    }
}
