using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.CSharp.Caching;
using ExoJobRunner.Scripting.Tests.CSharp;

namespace ExoJobRunner.Scripting.Tests.Caching;

/// <summary>The cache key covers everything that decides the compiled script and nothing else.</summary>
public sealed class ScriptCacheKeyTests : IDisposable
{
    private const string MainCode = "#load \"lib/helper.csx\"\nvar text = Helper();";

    private readonly ScriptWorkspace _workspace = new();

    public ScriptCacheKeyTests()
    {
        _workspace.Write("jobs/lib/helper.csx", "#load \"nested.csx\"\nstring Helper() => Nested();");
        _workspace.Write("jobs/lib/nested.csx", "string Nested() => \"one\";");
        _workspace.Write("jobs/unrelated.csx", "var unrelated = 1;");
    }

    public enum Change
    {
        MainCode,
        LoadedFile,
        FileLoadedByALoadedFile,
        RuleSeverity,
        BodyPosition,
        Imports,
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Key_IsTheSame_ForTheSameSources()
    {
        Assert.Equal(KeyOf(Body()).Value, KeyOf(Body()).Value);
    }

    [Fact]
    public void Key_IsTheSame_WhenAFileTheBodyDoesNotLoadChanges()
    {
        var before = KeyOf(Body());
        _workspace.Write("jobs/unrelated.csx", "var unrelated = 2;");

        Assert.Equal(before.Value, KeyOf(Body()).Value);
    }

    [Theory]
    [InlineData(Change.MainCode)]
    [InlineData(Change.LoadedFile)]
    [InlineData(Change.FileLoadedByALoadedFile)]
    [InlineData(Change.RuleSeverity)]
    [InlineData(Change.BodyPosition)]
    [InlineData(Change.Imports)]
    public void Key_Changes_WhenSomethingThatDecidesTheScriptChanges(Change change)
    {
        var before = KeyOf(Body());
        var imports = CSharpBodyEngine.DefaultImports;
        var body = Body();
        switch (change)
        {
            case Change.MainCode:
                body = body with { Code = MainCode + "\nvar more = 1;" };
                break;
            case Change.LoadedFile:
                _workspace.Write("jobs/lib/helper.csx", "#load \"nested.csx\"\nstring Helper() => Nested() + \"!\";");
                break;
            case Change.FileLoadedByALoadedFile:
                _workspace.Write("jobs/lib/nested.csx", "string Nested() => \"two\";");
                break;
            case Change.RuleSeverity:
                body = body with { RuleOverrides = [new RuleSeverityOverride("EXO0003", RuleSeverity.Error, new SourceLocation("exojobs.yaml", 3, 5))] };
                break;
            case Change.BodyPosition:
                body = body with { LineOffset = 4 };
                break;
            case Change.Imports:
                imports = [.. imports, "System.Text"];
                break;
        }

        Assert.NotEqual(before.Value, ScriptCacheKey.For(body, imports).Value);
    }

    [Fact]
    public void Key_RecordsTheHashOfEveryLoadedFile_ByFullPath()
    {
        var key = KeyOf(Body());

        Assert.Equal(
            [_workspace.PathOf("jobs/lib/helper.csx"), _workspace.PathOf("jobs/lib/nested.csx")],
            key.FileHashes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ScriptCacheKey.HashFile(_workspace.PathOf("jobs/lib/nested.csx")), key.FileHashes[_workspace.PathOf("jobs/lib/nested.csx")]);
    }

    [Fact]
    public void Key_IsComputed_ForABodyThatLoadsAMissingFile()
    {
        var body = _workspace.FileBody("jobs/main.csx", "#load \"lib/absent.csx\"\nvar x = 1;");

        var key = KeyOf(body);

        Assert.Equal("missing", key.FileHashes[_workspace.PathOf("jobs/lib/absent.csx")]);
    }

    private JobBody Body() => _workspace.FileBody("jobs/main.csx", MainCode);

    private static ScriptCacheKey KeyOf(JobBody body) => ScriptCacheKey.For(body, CSharpBodyEngine.DefaultImports);
}
