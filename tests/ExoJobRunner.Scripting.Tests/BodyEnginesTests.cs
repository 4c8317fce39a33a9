using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Tests.PowerShell.Support;

namespace ExoJobRunner.Scripting.Tests;

/// <summary>The engines a host gets: the only way to a PowerShell engine, so the rules always stand in front of it.</summary>
public sealed class BodyEnginesTests : IClassFixture<PowerShellEngineFixture>
{
    private readonly PowerShellEngineFixture _fixture;

    public BodyEnginesTests(PowerShellEngineFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task PowerShellEngine_RefusesABodyWithAnErrorFinding_WithoutRunningIt()
    {
        await using var engines = new BodyEngines(cache: null);
        var body = _fixture.FileBody("Set-Content -Path (Join-Path $Job.OutputDirectory 'ran.txt') -Value 'ran'\n$name = Read-Host 'name'");
        var request = _fixture.Request(new RecordingLogger());

        var outcome = await engines.EngineFor(BodyLanguage.PowerShell).RunAsync(body, request, CancellationToken.None);

        Assert.Equal((BodyOutcomeKind.Invalid, "EXO0001"), (outcome.Kind, outcome.Diagnostics[0].Id));
        Assert.False(File.Exists(Path.Combine(request.Job.OutputDirectory, "ran.txt")), "a refused body must not run");
    }

    [Fact]
    public void ScriptingAssembly_ExposesNoPowerShellEngineButTheCheckedOne()
    {
        var publicEngines = typeof(BodyEngines).Assembly.GetExportedTypes()
            .Where(type => type.IsClass && typeof(IJobBodyEngine).IsAssignableFrom(type))
            .Select(type => type.Name);

        // C# bodies are analysed by the compilation itself; a PowerShell engine without its rules must not be reachable.
        Assert.Equal(["CSharpBodyEngine"], publicEngines);
    }
}
