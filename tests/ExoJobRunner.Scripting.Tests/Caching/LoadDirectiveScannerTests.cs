using ExoJobRunner.Scripting.CSharp.Caching;

namespace ExoJobRunner.Scripting.Tests.Caching;

public sealed class LoadDirectiveScannerTests
{
    [Theory]
    [InlineData("#load \"lib/a.csx\"\nvar x = 1;",                                       new[] { "lib/a.csx" })]
    [InlineData("#load \"a.csx\"\n#load \"b.csx\"\nLog.LogInformation(\"x\");",          new[] { "a.csx", "b.csx" })]
    [InlineData("// helpers\n\n#load \"a.csx\"  // the greeting\nvar x = 1;",              new[] { "a.csx" })]
    [InlineData("/* header\n   #load \"commented.csx\"\n*/\n#load \"real.csx\"",             new[] { "real.csx" })]
    [InlineData("#!/usr/bin/env dotnet-script\n#r \"x.dll\"\n#nullable enable\n#load \"a.csx\"", new[] { "a.csx" })]
    [InlineData("  #load   \"indented.csx\"\r\nvar x = 1;",                                new[] { "indented.csx" })]
    [InlineData("var x = 1;\n#load \"after-code.csx\"",                                  new string[0])]
    [InlineData("#load \"\"\n#load no-quotes.csx",                                       new string[0])]
    [InlineData("",                                                                      new string[0])]
    public void Scan_FindsTheLoadDirectives_BeforeTheFirstLineOfCode(string code, string[] expected)
    {
        Assert.Equal(expected, LoadDirectiveScanner.Scan(code).Select(directive => directive.Path));
    }

    [Fact]
    public void Scan_GivesTheLineAndColumnOfEachDirective()
    {
        var directives = LoadDirectiveScanner.Scan("// helpers\n#load \"a.csx\"\n\n   #load \"lib/b.csx\"\nvar x = 1;");

        Assert.Equal([new LoadDirective("a.csx", 2, 1), new LoadDirective("lib/b.csx", 4, 4)], directives);
    }
}
