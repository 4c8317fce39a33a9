using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.Analysis.PowerShell;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.CSharp.Caching;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Scripting;

/// <summary>
/// The engines of every body language, each created on first use and kept for the process (PowerShell runspaces stay
/// warm). Creating one only when a body needs it keeps a C# run from loading PowerShell, and the other way round.
/// This is the only way a host gets a PowerShell engine, so every PowerShell body it runs is checked by the rules.
/// </summary>
public sealed class BodyEngines : IJobBodyEngines, IAsyncDisposable
{
    private readonly Lazy<CSharpBodyEngine> _csharp;
    private readonly Lazy<PowerShellBodyEngine> _powerShell = new(() => new PowerShellBodyEngine());
    private readonly Lazy<PowerShellRuleCheckingEngine> _checkedPowerShell;

    /// <param name="cache">Where compiled C# bodies are kept between runs; null compiles every body every time.</param>
    public BodyEngines(CompiledScriptCache? cache)
    {
        _csharp = new(() => cache is null ? new CSharpBodyEngine() : new CSharpBodyEngine(cache));
        _checkedPowerShell = new(() => new PowerShellRuleCheckingEngine(_powerShell.Value));
    }

    /// <summary>The engine for <paramref name="language"/>, with the rule catalogue applied.</summary>
    public IJobBodyEngine EngineFor(BodyLanguage language) =>
        language == BodyLanguage.CSharp ? _csharp.Value : _checkedPowerShell.Value;

    public ValueTask DisposeAsync() =>
        _powerShell.IsValueCreated ? _powerShell.Value.DisposeAsync() : ValueTask.CompletedTask;
}
