using System.Reflection;
using System.Runtime.Loader;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// A collectible context holding one run's script assembly, so a long-running scheduler does not keep every
/// script it ever compiled (the Roslyn <c>RunAsync</c> path loads into a context that is never unloaded).
/// </summary>
internal sealed class ScriptLoadContext : AssemblyLoadContext
{
    public ScriptLoadContext(string name)
        : base(name, isCollectible: true)
    {
    }

    /// <summary>
    /// Returns null so every reference (the BCL, ExoJobRunner, logging) resolves from the default context:
    /// a second copy of <see cref="ScriptGlobals"/> in this context would be a different type, and the
    /// script's factory would reject the globals object it is handed.
    /// </summary>
    protected override Assembly? Load(AssemblyName assemblyName) => null;
}
