using System.Collections.Immutable;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// An emitted C# body: everything needed to run it without Roslyn, so it can later be kept in an on-disk cache.
/// </summary>
/// <param name="AssemblyName">The script assembly's simple name.</param>
/// <param name="ScriptClassName">The submission class holding the <c>&lt;Factory&gt;</c> entry point.</param>
/// <param name="PeImage">The assembly's bytes.</param>
/// <param name="PdbImage">Its portable PDB, whose documents are the user's files, so stack frames carry file and line.</param>
/// <param name="SourcePaths">Every file compiled into the assembly: the body's file and each <c>#load</c>ed one.</param>
internal sealed record CompiledScript(
    string AssemblyName,
    string ScriptClassName,
    ImmutableArray<byte> PeImage,
    ImmutableArray<byte> PdbImage,
    ImmutableArray<string> SourcePaths);
