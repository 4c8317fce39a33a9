namespace ExoJobRunner.Scripting.CSharp.Caching;

/// <summary>One <c>#load "path"</c> line of a C# body: the path as written, and the 1-based line and column of its <c>#</c>.</summary>
internal sealed record LoadDirective(string Path, int Line, int Column);
