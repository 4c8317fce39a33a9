using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>
/// What, besides the sources, decides the bytes of a compiled script: the compiler, the runtime whose assemblies are
/// referenced, and the host assemblies scripts bind to. Any change gives every script a new cache key.
/// </summary>
internal static class ScriptCacheFingerprint
{
    /// <summary>Raised whenever the entry file's layout changes, so old entries are never misread.</summary>
    public const int FormatVersion = 1;

    private static readonly Lazy<string> LazyValue = new(Compute);

    public static string Value => LazyValue.Value;

    /// <remarks>
    /// The Roslyn version comes from this assembly's reference metadata, not from a Roslyn type, which would load Roslyn.
    /// Host assemblies are identified by module version id: builds are deterministic, so it changes exactly when their
    /// code does; that covers <see cref="ScriptGlobals"/>, the compile options and the rule analyzers, which live in
    /// this assembly.
    /// </remarks>
    private static string Compute()
    {
        var fingerprint = new StringBuilder()
            .Append("format=").Append(FormatVersion)
            .Append(";runtime=").Append(Environment.Version).Append('@').Append(RuntimeEnvironment.GetRuntimeDirectory());

        var roslyn = typeof(ScriptCacheFingerprint).Assembly.GetReferencedAssemblies()
            .Where(reference => reference.Name?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
            .Select(reference => reference.FullName)
            .Order(StringComparer.Ordinal);
        foreach (var reference in roslyn)
        {
            fingerprint.Append(";compiler=").Append(reference);
        }

        Assembly[] host = [typeof(JobContext).Assembly, typeof(ExchangeSession).Assembly, typeof(ScriptGlobals).Assembly, typeof(ILogger).Assembly];
        foreach (var assembly in host)
        {
            fingerprint.Append(";host=").Append(assembly.FullName).Append('/').Append(assembly.ManifestModule.ModuleVersionId);
        }

        return fingerprint.ToString();
    }
}
