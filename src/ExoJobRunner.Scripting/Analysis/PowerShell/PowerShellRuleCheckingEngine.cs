using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Scripting.Analysis.PowerShell;

/// <summary>
/// Adds the catalogue's rules to a PowerShell engine: <c>check</c> reports their findings with the parse errors, and
/// <c>run</c> refuses a body with an error-level finding before a runspace is touched, and reports the warnings with
/// the run's outcome.
/// </summary>
internal sealed class PowerShellRuleCheckingEngine : IJobBodyEngine
{
    private readonly IJobBodyEngine _inner;

    public PowerShellRuleCheckingEngine(IJobBodyEngine inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (inner.Language != BodyLanguage.PowerShell)
        {
            throw new ArgumentException($"the PowerShell rules cannot check {inner.Language} bodies", nameof(inner));
        }

        _inner = inner;
    }

    public BodyLanguage Language => BodyLanguage.PowerShell;

    public async Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken)
    {
        var parsed = await _inner.CheckAsync(body, cancellationToken);
        return [.. parsed, .. PowerShellBodyAnalyzer.Analyze(body)];
    }

    public async Task<BodyOutcome> RunAsync(JobBody body, BodyRunRequest request, CancellationToken cancellationToken)
    {
        var findings = PowerShellBodyAnalyzer.Analyze(body);
        if (findings.Any(finding => finding.IsError))
        {
            // Parse errors too, so the log shows everything to fix at once.
            var parsed = await _inner.CheckAsync(body, cancellationToken);
            return BodyOutcome.InvalidBody([.. parsed, .. findings]);
        }

        var outcome = await _inner.RunAsync(body, request, cancellationToken);
        return findings.Count == 0 ? outcome : outcome with { Diagnostics = [.. findings, .. outcome.Diagnostics] };
    }
}
