using System.Runtime.CompilerServices;

namespace ExoJobRunner.Exchange.Generators.Tests.Support;

/// <summary>The manifest the Exchange assembly is built from, read from the repository.</summary>
internal static class RepositoryManifest
{
    public static string Path { get; } = Locate();

    public static string Read() => File.ReadAllText(Path);

    private static string Locate([CallerFilePath] string thisFile = "")
    {
        // This file is tests/ExoJobRunner.Exchange.Generators.Tests/Support/RepositoryManifest.cs.
        var repositoryRoot = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
        return System.IO.Path.Combine(repositoryRoot, "src", "ExoJobRunner.Exchange", "Cmdlets", CmdletManifestGenerator.ManifestFileName);
    }
}
