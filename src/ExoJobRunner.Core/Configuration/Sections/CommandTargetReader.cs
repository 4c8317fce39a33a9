using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Notifications;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads <c>command: { program: …, args: [...] }</c>.</summary>
internal static class CommandTargetReader
{
    private static readonly MappingKeys Keys = new("a command", "program", "args");

    public static CommandTarget? Read(YamlEntry entry, YamlFile file)
    {
        if (entry.Value is YamlScalar { IsNull: false })
        {
            file.Error(
                ConfigurationDiagnosticIds.WrongType,
                "'command' must be a mapping such as command: { program: /usr/local/bin/page-oncall, args: [--team, exchange] }, not a single value",
                entry.Value);
            return null;
        }

        var mapping = file.ReadMapping(entry);
        var keys = mapping is null ? new Dictionary<string, YamlEntry>() : Keys.Select(mapping, file);
        if (!keys.TryGetValue("program", out var programEntry))
        {
            if (mapping is not null || entry.Value is YamlScalar { IsNull: true })
            {
                file.Error(
                    ConfigurationDiagnosticIds.InvalidNotificationTarget,
                    "'command' needs 'program': the program to start, such as program: /usr/local/bin/page-oncall",
                    entry.Key);
            }

            return null;
        }

        var program = ReadProgram(programEntry, file);
        var arguments = keys.TryGetValue("args", out var argsEntry)
            ? file.ReadScalarList(argsEntry).Select(argument => argument.Value).ToList()
            : [];
        return program is null ? null : new CommandTarget(program, arguments);
    }

    /// <summary>
    /// A bare name (<c>curl</c>) is looked up on PATH when the command starts; a path is made absolute against the
    /// YAML file's folder now, because the command starts in the run's folder, where a relative path would not lead.
    /// </summary>
    private static string? ReadProgram(YamlEntry entry, YamlFile file)
    {
        if (entry.Value is YamlScalar empty && (empty.IsNull || empty.Value.Trim().Length == 0))
        {
            file.Error(ConfigurationDiagnosticIds.InvalidNotificationTarget, "'program' is empty; write the program to start", entry.Key);
            return null;
        }

        var program = file.ReadScalar(entry)?.Value.Trim();
        if (program is null)
        {
            return null;
        }

        return program.IndexOfAny(['/', '\\']) >= 0 ? file.ReadPath(entry) : program;
    }
}
