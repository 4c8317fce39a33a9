using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;

namespace ExoJobRunner.Scripting.Tests.CSharp;

public sealed class CSharpBodyEngineCancellationTests : IDisposable
{
    private readonly ScriptWorkspace _workspace = new();
    private readonly CSharpBodyEngine _engine = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_ThrowsOperationCanceled_WhenTokenIsCanceledWhileBodyAwaits()
    {
        var body = _workspace.FileBody("jobs/waits.csx", """
            Log.LogInformation("waiting for the tenant");
            await Task.Delay(Timeout.Infinite, CancellationToken);
            """);
        var log = new RecordingLogger();
        using var cancellation = new CancellationTokenSource();

        var run = _engine.RunAsync(body, _workspace.Request(log), cancellation.Token);
        var first = await Task.WhenAny(log.FirstEntry, run);
        Assert.Same(log.FirstEntry, first);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Theory]
    [InlineData("throw new OperationCanceledException(\"gave up\");",
                "OperationCanceledException: gave up")]
    [InlineData("var own = new CancellationTokenSource();\nown.Cancel();\nawait Task.Delay(Timeout.Infinite, own.Token);",
                "TaskCanceledException: A task was canceled.")]
    public async Task Run_ReportsFailure_WhenBodyCancelsItselfWithoutTheRunBeingCanceled(string code, string expectedMessage)
    {
        var body = _workspace.FileBody("jobs/gives-up.csx", code);

        var outcome = await _engine.RunAsync(body, _workspace.Request(new RecordingLogger()), CancellationToken.None);

        Assert.Equal(BodyOutcomeKind.Failed, outcome.Kind);
        Assert.IsAssignableFrom<OperationCanceledException>(outcome.Error);
        Assert.Equal(expectedMessage, outcome.ErrorMessage);
    }
}
