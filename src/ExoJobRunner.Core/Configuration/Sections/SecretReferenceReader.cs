using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Exchange.Certificates;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads <c>{ env: NAME }</c> or <c>{ file: path }</c>: where a secret is found at run time, never the secret.</summary>
internal static class SecretReferenceReader
{
    private static readonly MappingKeys Keys = new("a secret reference", "env", "file");

    /// <param name="entry">The key whose value is the reference (<c>password:</c>, <c>url:</c>, a header).</param>
    /// <param name="file">The file being read.</param>
    /// <param name="shapeProblemId">
    /// The id reported when the mapping names neither or both of env and file: each place a reference is accepted has
    /// its own id, so that a search for the id finds what that place expects.
    /// </param>
    public static SecretReference? Read(YamlEntry entry, YamlFile file, string shapeProblemId)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return null;
        }

        var keys = Keys.Select(mapping, file);
        keys.TryGetValue("env", out var env);
        keys.TryGetValue("file", out var path);
        if ((env is null) == (path is null))
        {
            file.Error(
                shapeProblemId,
                $"'{entry.Name}' must name exactly one of env: NAME (an environment variable) or file: path (a file holding it)",
                entry.Key);
            return null;
        }

        if (env is not null)
        {
            var name = ReadEnvironmentVariableName(env, file);
            return name is null ? null : new SecretReference(name, null);
        }

        var filePath = file.ReadPath(path!);
        return filePath is null ? null : new SecretReference(null, filePath);
    }

    private static string? ReadEnvironmentVariableName(YamlEntry entry, YamlFile file)
    {
        var scalar = file.ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        // Checked because a secret pasted here by mistake would otherwise sit in the file unnoticed;
        // the value is not repeated in the message for the same reason.
        var name = scalar.Value.Trim();
        var isVariableName = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');
        if (!isVariableName)
        {
            file.Error(
                ConfigurationDiagnosticIds.InvalidValue,
                "'env' must be the name of an environment variable (letters, digits and _), such as EXO_PFX_PASSWORD",
                scalar);
            return null;
        }

        return name;
    }
}
