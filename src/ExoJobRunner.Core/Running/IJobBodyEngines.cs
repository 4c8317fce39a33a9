using ExoJobRunner.Core.Jobs;

namespace ExoJobRunner.Core.Running;

/// <summary>The body engines a runner picks from by language. A host creates each on first use, so a C# run never starts PowerShell.</summary>
public interface IJobBodyEngines
{
    /// <summary>The engine for bodies in <paramref name="language"/>, created when first asked for.</summary>
    IJobBodyEngine EngineFor(BodyLanguage language);
}
