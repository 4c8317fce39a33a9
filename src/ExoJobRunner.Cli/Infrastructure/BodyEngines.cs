using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp;
using ExoJobRunner.Scripting.PowerShell;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>The engines of every body language, created once per process (PowerShell runspaces stay warm).</summary>
internal sealed class BodyEngines : IAsyncDisposable
{
    private readonly CSharpBodyEngine _csharp = new();
    private readonly PowerShellBodyEngine _powerShell = new();

    public IReadOnlyList<IJobBodyEngine> All => [_csharp, _powerShell];

    public IJobBodyEngine For(BodyLanguage language) => language == BodyLanguage.CSharp ? _csharp : _powerShell;

    public ValueTask DisposeAsync() => _powerShell.DisposeAsync();
}
