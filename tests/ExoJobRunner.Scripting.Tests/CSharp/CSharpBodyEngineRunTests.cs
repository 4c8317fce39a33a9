using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Sandbox.Connection;
using ExoJobRunner.Scripting.CSharp;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.Tests.CSharp;

public sealed class CSharpBodyEngineRunTests : IDisposable
{
    private readonly ScriptWorkspace _workspace = new();
    private readonly RecordingLogger _log = new();
    private readonly CSharpBodyEngine _engine = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_GivesBodyItsLogParametersAndOutputFolder()
    {
        var body = _workspace.FileBody("jobs/report.csx", """
            Log.LogInformation("counting mailboxes in {Region}", Job.Parameters["region"]);
            File.WriteAllText(Path.Combine(Job.OutputDirectory, "summary.txt"), $"{Job.Name}/{Job.RunId}: {Job.Parameters["REGION"]}");
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log, parameters: ("region", "emea")), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        var entry = Assert.Single(_log.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal("counting mailboxes in emea", entry.Message);
        Assert.Equal("report/run-1: emea", File.ReadAllText(Path.Combine(_workspace.OutputDirectory, "summary.txt")));
    }

    [Theory]
    [InlineData("System",                       """var larger = Math.Max(1, 2);""")]
    [InlineData("System.Collections.Generic",   """var names = new List<string> { "a" };""")]
    [InlineData("System.IO",                    """var name = Path.GetFileName(Job.OutputDirectory);""")]
    [InlineData("System.Linq",                  """var count = new[] { 1, 2, 3 }.Count(n => n > 1);""")]
    [InlineData("System.Threading",             """var gate = new SemaphoreSlim(1); gate.Dispose();""")]
    [InlineData("System.Threading.Tasks",       """await Task.Yield();""")]
    [InlineData("Microsoft.Extensions.Logging", """Log.LogWarning("no using needed");""")]
    public async Task Run_ResolvesDefaultImports_WithoutUsingDirectives(string import, string code)
    {
        var body = _workspace.FileBody("jobs/imports.csx", code);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Contains(import, CSharpBodyEngine.DefaultImports);
        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public async Task Run_LoadsHelpers_RelativeToTheFileThatLoadsThem()
    {
        _workspace.Write("jobs/lib/format.csx", """
            string Shout(string text) => text.ToUpperInvariant() + "!";
            """);
        _workspace.Write("jobs/lib/helper.csx", """
            #load "format.csx"
            string Greet(string name) => Shout("hello " + name);
            """);
        var body = _workspace.FileBody("jobs/greet.csx", """
            #load "lib/helper.csx"
            File.WriteAllText(Path.Combine(Job.OutputDirectory, "greeting.txt"), Greet(Job.Parameters["who"]));
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log, parameters: ("who", "admin")), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        Assert.Equal("HELLO ADMIN!", File.ReadAllText(Path.Combine(_workspace.OutputDirectory, "greeting.txt")));
    }

    [Theory]
    [InlineData("return 0;",                 BodyOutcomeKind.Succeeded, null)]
    [InlineData("var done = true;",          BodyOutcomeKind.Succeeded, null)]
    [InlineData("return null;",              BodyOutcomeKind.Succeeded, null)]
    [InlineData("return \"3 mailboxes\";",   BodyOutcomeKind.Succeeded, null)]
    [InlineData("return 3L;",                BodyOutcomeKind.Succeeded, null)]
    [InlineData("return 3;",                 BodyOutcomeKind.Failed,    "the script returned 3")]
    [InlineData("return -1;",                BodyOutcomeKind.Failed,    "the script returned -1")]
    [InlineData("var failures = 2;\nfailures", BodyOutcomeKind.Failed,  "the script returned 2")]
    public async Task Run_FailsOnlyOnNonZeroIntReturnValue(string code, BodyOutcomeKind expectedKind, string? expectedMessage)
    {
        var body = _workspace.FileBody("jobs/exit.csx", code);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(expectedKind, outcome.Kind);
        Assert.Equal(expectedMessage, outcome.ErrorMessage);
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task Run_ReportsThrownException_WithMessageAndScriptLine()
    {
        var body = _workspace.FileBody("jobs/throws.csx", """
            var mailbox = "ceo@contoso.onmicrosoft.com";
            Log.LogInformation("looking up {Mailbox}", mailbox);
                throw new InvalidOperationException($"mailbox {mailbox} not found");
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.IsType<InvalidOperationException>(outcome.Error);
        Assert.Equal("InvalidOperationException: mailbox ceo@contoso.onmicrosoft.com not found", outcome.ErrorMessage);
        Assert.Equal(new SourceLocation(body.FilePath, 3, 5), outcome.ErrorLocation);
    }

    [Fact]
    public async Task Run_LocatesException_AtTheScriptLineThatCalledTheFramework()
    {
        var body = _workspace.FileBody("jobs/reads.csx", """
            Log.LogInformation("reading the input");
            var csv = File.ReadAllText(Path.Combine(Job.OutputDirectory, "missing.csv"));
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.IsType<FileNotFoundException>(outcome.Error);
        Assert.StartsWith("FileNotFoundException: ", outcome.ErrorMessage, StringComparison.Ordinal);
        // A top-level `var` in a script is a field: its statement starts at the initializer, `File.ReadAllText`.
        Assert.Equal(new SourceLocation(body.FilePath, 2, 11), outcome.ErrorLocation);
    }

    [Fact]
    public async Task Run_LocatesException_InTheLoadedHelperThatThrewIt()
    {
        var helper = _workspace.Write("jobs/lib/lists.csx", """
            async Task<string[]> ReadListAsync(string path)
            {
                if (!File.Exists(path)) throw new ArgumentException($"the list {Path.GetFileName(path)} does not exist");
                return await File.ReadAllLinesAsync(path, CancellationToken);
            }
            """);
        var body = _workspace.FileBody("jobs/guests.csx", """
            #load "lib/lists.csx"
            var guests = await ReadListAsync(Path.Combine(Job.OutputDirectory, "guests.txt"));
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("ArgumentException: the list guests.txt does not exist", outcome.ErrorMessage);
        Assert.Equal(new SourceLocation(helper, 3, 29), outcome.ErrorLocation);
    }

    [Fact]
    public async Task Run_LocatesException_InInlineBody_AtTheYamlLine()
    {
        var body = _workspace.InlineBody(
            "jobs/inline.yaml",
            ["name: inline", "timeout: 00:05:00"],
            "var limit = 10;\nthrow new TimeoutException(\"too slow\");\n",
            indent: 2);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.Equal("TimeoutException: too slow", outcome.ErrorMessage);
        // jobs/inline.yaml: line 3 is "csharp: |", line 5 is "  throw new TimeoutException(...)".
        Assert.Equal(new SourceLocation(body.FilePath, 5, 3), outcome.ErrorLocation);
    }

    [Fact]
    public async Task Run_FailsWithProfileHint_WhenBodyUsesExoWithoutSession()
    {
        var body = _workspace.FileBody("jobs/exo.csx", """
            Log.LogInformation("connecting");
            var profile = Exo.ProfileName;
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log, exchange: null), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.IsType<InvalidOperationException>(outcome.Error);
        Assert.Equal(
            "InvalidOperationException: job 'report' has no Exchange profile: set `profile:` in the job or `defaults.profile` in exojobs.yaml",
            outcome.ErrorMessage);
        Assert.Equal(new SourceLocation(body.FilePath, 2, 15), outcome.ErrorLocation);
    }

    [Fact]
    public async Task Run_GivesBodyTheProfilesSession_AsExo()
    {
        var body = _workspace.FileBody("jobs/exo.csx", """
            var domains = 0;
            await foreach (var domain in Exo.InvokeAsync("Get-AcceptedDomain", cancellationToken: CancellationToken))
            {
                domains++;
            }

            return Exo.ProfileName == "contoso" && domains > 0 ? 0 : 1;
            """);
        await using var pool = new ExchangeSessionPool(new ExchangeSessionPoolOptions { Environments = SandboxEnvironments.All(_workspace.PathOf("sandbox-data")) });
        var session = await pool.GetSessionAsync(new ExchangeConnectionSettings("contoso", ExchangeEnvironment.Sandbox, null, null, null));

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log, session.ForRun(_log)), CancellationToken.None);

        Assert.True(outcome.Kind == BodyOutcomeKind.Succeeded, outcome.ErrorMessage);
    }

    [Fact]
    public async Task Run_ReturnsWarnings_WithTheOutcome()
    {
        var body = _workspace.FileBody("jobs/warns.csx", """
            #warning remove before go-live
            return 0;
            """);

        var outcome = await _engine.RunAsync(body, _workspace.Request(_log), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Succeeded, outcome.Kind);
        var warning = Assert.Single(outcome.Diagnostics);
        Assert.Equal(new ExoDiagnostic("CS1030", DiagnosticSeverity.Warning, "#warning: 'remove before go-live'", new SourceLocation(body.FilePath, 1, 10)), warning);
    }
}
