using System.Runtime.CompilerServices;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>The manifest the Exchange assembly is built from, read from the repository.</summary>
internal static class RepositoryManifest
{
    public static string RepositoryRoot { get; } = LocateRoot();

    public static string Path { get; } =
        System.IO.Path.Combine(RepositoryRoot, "src", "ExoJobRunner.Exchange", "Cmdlets", CmdletManifestGenerator.ManifestFileName);

    public static string Read() => File.ReadAllText(Path);

    // This file is tests/ExoJobRunner.Exchange.Generators.Tests/Support/RepositoryManifest.cs.
    private static string LocateRoot([CallerFilePath] string thisFile = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
