using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// Loads an emitted script into its own collectible context, runs it through the submission's
/// <c>&lt;Factory&gt;</c> and unloads the context when the run ends.
/// </summary>
internal static class ScriptAssemblyRunner
{
    /// <summary>The static entry point Roslyn synthesizes on every submission class.</summary>
    private const string FactoryMethodName = "<Factory>";

    /// <summary>
    /// Runs <paramref name="script"/> and returns its value. Exceptions thrown by the script propagate unwrapped.
    /// </summary>
    public static async Task<object?> RunAsync(CompiledScript script, ScriptGlobals globals, string contextName)
    {
        var context = new ScriptLoadContext(contextName);
        try
        {
            return await Start(context, script, globals);
        }
        finally
        {
            // Unloading completes once nothing references the script's types any more; an exception thrown by
            // the script keeps it alive only as long as the caller keeps that exception.
            context.Unload();
        }
    }

    /// <summary>
    /// Kept out of the async method so the assembly, the script class and the factory are locals of a frame
    /// that is gone once the script starts, rather than fields of a state machine that would pin the context.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<object> Start(ScriptLoadContext context, CompiledScript script, ScriptGlobals globals)
    {
        using var peStream = new MemoryStream(ImmutableCollectionsMarshal.AsArray(script.PeImage)!, writable: false);
        using var pdbStream = new MemoryStream(ImmutableCollectionsMarshal.AsArray(script.PdbImage)!, writable: false);
        var assembly = context.LoadFromStream(peStream, pdbStream);

        var scriptClass = assembly.GetType(script.ScriptClassName, throwOnError: true)!;
        var factory = scriptClass.GetMethod(FactoryMethodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException(
                $"the compiled script '{script.AssemblyName}' has no {FactoryMethodName} method on {script.ScriptClassName}");

        // Slot 0 holds the globals; slot 1 is where the factory stores the submission it creates (the first and
        // only submission of this chain).
        object?[] submissionArray = [globals, null];
        return (Task<object>)factory.Invoke(
            obj: null,
            BindingFlags.DoNotWrapExceptions,
            binder: null,
            [submissionArray],
            CultureInfo.InvariantCulture)!;
    }
}
