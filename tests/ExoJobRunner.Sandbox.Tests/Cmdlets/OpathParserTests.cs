using ExoJobRunner.Sandbox.Cmdlets.Opath;

namespace ExoJobRunner.Sandbox.Tests.Cmdlets;

public sealed class OpathParserTests
{
    [Theory]
    [InlineData("Alias -eq 'adele'", "Alias Eq Text adele")]
    [InlineData("Alias -EQ \"adele\"", "Alias Eq Text adele")]
    [InlineData("Name -like 'O''Brien*'", "Name Like Text O'Brien*")]
    [InlineData("Name -eq \"say \"\"hi\"\"\"", "Name Eq Text say \"hi\"")]
    [InlineData("Name -eq \"tick `\" quote\"", "Name Eq Text tick \" quote")]
    [InlineData("ItemCount -gt 100", "ItemCount Gt Text 100")]
    [InlineData("ForwardingSmtpAddress -ne $null", "ForwardingSmtpAddress Ne Null ")]
    [InlineData("LitigationHoldEnabled -eq $TRUE", "LitigationHoldEnabled Eq True True")]
    [InlineData("{Alias -notlike 'x*'}", "Alias NotLike Text x*")]
    public void Parse_ReadsAComparison(string filter, string expected)
    {
        var comparison = Assert.IsType<OpathComparison>(OpathParser.Parse(filter));

        Assert.Equal(expected, $"{comparison.Property} {comparison.Operator} {comparison.ValueKind} {comparison.Value}");
    }

    [Fact]
    public void Parse_GivesAndPrecedenceOverOr_AndHonoursParentheses()
    {
        var loose = OpathParser.Parse("A -eq 1 -or B -eq 2 -and C -eq 3");
        var grouped = OpathParser.Parse("(A -eq 1 -or B -eq 2) -and -not C -eq 3");

        var or = Assert.IsType<OpathOr>(loose);
        Assert.IsType<OpathComparison>(or.Left);
        Assert.IsType<OpathAnd>(or.Right);
        var and = Assert.IsType<OpathAnd>(grouped);
        Assert.IsType<OpathOr>(and.Left);
        Assert.IsType<OpathComparison>(Assert.IsType<OpathNot>(and.Right).Operand);
    }

    [Theory]
    [InlineData("Alias", 6)]
    [InlineData("Alias -eq", 10)]
    [InlineData("Alias -equals 'x'", 7)]
    [InlineData("Alias 'x'", 7)]
    [InlineData("-eq 'x'", 1)]
    [InlineData("(Alias -eq 'x'", 15)]
    [InlineData("Alias -eq 'x')", 14)]
    [InlineData("Alias -eq $nothing", 11)]
    [InlineData("Alias -eq 'open", 16)]
    [InlineData("Alias -eq 'x' -and", 19)]
    public void Parse_RefusesBadSyntax_AtThePositionItBreaks(string filter, int position)
    {
        var failure = Assert.Throws<OpathSyntaxException>(() => OpathParser.Parse(filter));

        Assert.Equal(position, failure.Position);
    }

    [Theory]
    [InlineData("adele.vance@sandbox.example", "adele*", true)]
    [InlineData("adele.vance@sandbox.example", "*@sandbox.example", true)]
    [InlineData("adele.vance@sandbox.example", "*VANCE*", true)]
    [InlineData("adele.vance@sandbox.example", "a*e*e*", true)]
    [InlineData("adele.vance@sandbox.example", "vance*", false)]
    [InlineData("adele", "adele", true)]
    [InlineData("adele", "adel", false)]
    [InlineData("", "*", true)]
    public void Like_MatchesStarWildcardsCaseInsensitively(string text, string pattern, bool matches) =>
        Assert.Equal(matches, OpathValues.Matches(text, pattern));
}
