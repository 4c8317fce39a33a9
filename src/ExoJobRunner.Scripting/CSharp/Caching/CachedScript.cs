using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>One cache entry: a body's emitted script with what its compilation reported.</summary>
/// <param name="Script">The assembly and PDB, ready to load.</param>
/// <param name="Warnings">The warnings the compilation gave, reported with every run as if it had been compiled again.</param>
/// <param name="LoadedFileHashes">Each file the compiler <c>#load</c>ed (full path to SHA-256); the entry is only used while they are unchanged.</param>
internal sealed record CachedScript(
    CompiledScript Script,
    IReadOnlyList<ExoDiagnostic> Warnings,
    IReadOnlyDictionary<string, string> LoadedFileHashes);
