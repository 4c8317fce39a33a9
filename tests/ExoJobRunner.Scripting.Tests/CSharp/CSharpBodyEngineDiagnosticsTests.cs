using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;

namespace ExoJobRunner.Scripting.Tests.CSharp;

public sealed class CSharpBodyEngineDiagnosticsTests : IDisposable
{
    private readonly ScriptWorkspace _workspace = new();
    private readonly CSharpBodyEngine _engine = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("var total = missing;",                     "CS0103", 1, 13, "The name 'missing' does not exist in the current context")]
    [InlineData("var a = 1;\nint count = \"ten\";",        "CS0029", 2, 13, "Cannot implicitly convert type 'string' to 'int'")]
    [InlineData("var a = 1;\n\n    Log.LogInfo(\"x\");",    "CS1061", 3,  9, "'ILogger' does not contain a definition for 'LogInfo' and no accessible extension method 'LogInfo' accepting a first argument of type 'ILogger' could be found (are you missing a using directive or an assembly reference?)")]
    [InlineData("if (true) {",                              "CS1513", 1, 12, "} expected")]
    public async Task Check_ReportsErrorInBodyFile_AtItsLineAndColumn(string code, string id, int line, int column, string message)
    {
        var body = _workspace.FileBody("jobs/broken.csx", code);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics);
        Assert.Equal(new ExoDiagnostic(id, DiagnosticSeverity.Error, message, new SourceLocation(body.FilePath, line, column)), error);
    }

    [Theory]
    //  YAML lines:  header…, "csharp: |", "<indent>var total = 0;", "<indent>total += missing;"
    [InlineData(2, 2,  5, 12)]
    [InlineData(2, 4,  5, 14)]
    [InlineData(6, 2,  9, 12)]
    public async Task Check_MapsInlineBodyError_ToYamlLineAndColumn(int headerLines, int indent, int yamlLine, int yamlColumn)
    {
        var header = Enumerable.Range(1, headerLines).Select(n => $"key{n}: value").ToList();
        var body = _workspace.InlineBody("jobs/inline.yaml", header, "var total = 0;\ntotal += missing;\n", indent);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics);
        Assert.Equal(
            $"{body.FilePath}({yamlLine},{yamlColumn}): error CS0103: The name 'missing' does not exist in the current context",
            error.ToString());
    }

    [Fact]
    public async Task Check_ReportsErrorInLoadedFile_WithTheHelpersPathAndLine()
    {
        var helper = _workspace.Write("jobs/lib/helper.csx", """
            string Greet(string name) => "hello " + name;

            int Broken() => undefinedThing;
            """);
        var body = _workspace.FileBody("jobs/main.csx", """
            #load "lib/helper.csx"
            var greeting = Greet("admin");
            """);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics);
        Assert.Equal("CS0103", error.Id);
        Assert.Equal(new SourceLocation(helper, 3, 17), error.Location);
    }

    [Fact]
    public async Task Check_ReportsLoadedFileErrorUnshifted_WhenBodyIsInline()
    {
        var helper = _workspace.Write("jobs/lib/helper.csx", "int Broken() => undefinedThing;\n");
        var body = _workspace.InlineBody("jobs/inline.yaml", ["name: inline", "profile: contoso"], "#load \"lib/helper.csx\"\nvar n = Broken();\n", indent: 2);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics);
        Assert.Equal(new SourceLocation(helper, 1, 17), error.Location);
    }

    [Fact]
    public async Task Check_ReportsMissingLoadedFile_AtTheLoadDirective()
    {
        var body = _workspace.FileBody("jobs/main.csx", """
            // shared helpers
            #load "lib/absent.csx"
            var greeting = "hello";
            """);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        var error = Assert.Single(diagnostics);
        Assert.Equal(
            new ExoDiagnostic("CS1504", DiagnosticSeverity.Error, "Source file 'lib/absent.csx' could not be opened -- Could not find file.", new SourceLocation(body.FilePath, 2, 7)),
            error);
    }

    [Fact]
    public async Task Check_ReturnsErrorsAndWarnings()
    {
        var body = _workspace.FileBody("jobs/mixed.csx", """
            #warning check the region list
            var total = missing;
            """);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        Assert.Collection(
            diagnostics,
            error => Assert.Equal(("CS0103", DiagnosticSeverity.Error, 2), (error.Id, error.Severity, error.Location!.Line)),
            warning => Assert.Equal(("CS1030", DiagnosticSeverity.Warning, 1), (warning.Id, warning.Severity, warning.Location!.Line)));
    }

    [Fact]
    public async Task Run_ReturnsInvalid_WithoutRunningAnything_WhenBodyDoesNotCompile()
    {
        var body = _workspace.FileBody("jobs/broken.csx", """
            File.WriteAllText(Path.Combine(Job.OutputDirectory, "ran.txt"), "ran");
            var total = missing;
            """);
        var log = new RecordingLogger();

        var outcome = await _engine.RunAsync(body, _workspace.Request(log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Invalid, outcome.Kind);
        var error = Assert.Single(outcome.Diagnostics);
        Assert.Equal(new SourceLocation(body.FilePath, 2, 13), error.Location);
        Assert.False(File.Exists(Path.Combine(_workspace.OutputDirectory, "ran.txt")));
    }

    [Fact]
    public async Task Check_RejectsReferenceDirectives()
    {
        var body = _workspace.FileBody("jobs/reference.csx", """
            #r "Some.Library.dll"
            return 0;
            """);

        var diagnostics = await _engine.CheckAsync(body, CancellationToken.None);

        // Scripts see the framework and ExoJobRunner's own API only (their load context resolves nothing else),
        // so #r is refused where it is written rather than failing at run time.
        var error = Assert.Single(diagnostics);
        Assert.Equal(new ExoDiagnostic("CS7099", DiagnosticSeverity.Error, "Metadata references are not supported.", new SourceLocation(body.FilePath, 1, 1)), error);
    }
}
