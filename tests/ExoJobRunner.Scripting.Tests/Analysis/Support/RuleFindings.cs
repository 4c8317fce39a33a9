using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Analysis.PowerShell;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Scripting.Tests.Analysis.Support;

/// <summary>Every diagnostic of a body as <c>exojobs check</c> reports it: the real C# compiler, the real PowerShell parser.</summary>
internal static class RuleFindings
{
    private static readonly CSharpBodyEngine CSharp = new();

    /// <summary>Checking opens no runspace, so the engine is never run and holds nothing to dispose.</summary>
    private static readonly PowerShellRuleCheckingEngine PowerShell = new(new PowerShellBodyEngine());

    public static Task<IReadOnlyList<ExoDiagnostic>> OfAsync(JobBody body)
    {
        IJobBodyEngine engine = body.Language == BodyLanguage.CSharp ? CSharp : PowerShell;
        return engine.CheckAsync(body, CancellationToken.None);
    }

    /// <summary>Fails with every diagnostic listed when the body has a compile or parse error: a rule test must use valid code.</summary>
    public static void AssertValidCode(IReadOnlyList<ExoDiagnostic> diagnostics)
    {
        var invalid = diagnostics.Where(diagnostic => diagnostic.IsError && !diagnostic.Id.StartsWith("EXO", StringComparison.Ordinal)).ToList();
        Assert.True(invalid.Count == 0, "the test's code does not compile or parse:\n" + string.Join('\n', invalid));
    }
}
