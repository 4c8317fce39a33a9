using System.Globalization;
using ExoJobRunner.Core.Configuration.Files;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Shared;
using YamlDotNet.Core;

namespace ExoJobRunner.Core.Configuration.Validation;

/// <summary>
/// One user YAML file being validated: its path, text and parsed tree, and the place every problem found in it
/// is reported with its line and column. The value readers never throw for bad input: they report and return null,
/// so the loader goes on and finds every other problem too.
/// </summary>
internal sealed class YamlFile
{
    private readonly ICollection<ExoDiagnostic> diagnostics;

    private YamlFile(string filePath, string text, string rootFolder, ConfigurationLoadOptions options, ICollection<ExoDiagnostic> diagnostics)
    {
        FilePath = filePath;
        RootFolder = rootFolder;
        Options = options;
        this.diagnostics = diagnostics;
        Lines = text.Split('\n');
    }

    /// <summary>Absolute path of the file.</summary>
    public string FilePath { get; }

    /// <summary>The folder relative paths in this file resolve against.</summary>
    public string DirectoryPath => Path.GetDirectoryName(FilePath)!;

    /// <summary>
    /// The folder of exojobs.yaml with its links resolved: job files, bodies and the files they include must be inside it.
    /// </summary>
    public string RootFolder { get; }

    /// <summary>The host's checks, for the values only it can judge (a sandbox fault spec).</summary>
    public ConfigurationLoadOptions Options { get; }

    /// <summary>The raw text lines (0-based index = YAML line − 1), for positions the parser does not report.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The document's root, or null when the file holds no document (empty, or only comments).</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>
    /// Reads and parses <paramref name="filePath"/> (see <see cref="UserFileReader"/> for what is not read). Returns
    /// null, with the problem reported at the start of the file, when it cannot be read or is not valid YAML.
    /// </summary>
    /// <param name="filePath">Absolute path of the file.</param>
    /// <param name="what">How messages name the file: "configuration file" or "job file".</param>
    /// <param name="rootFolder">The resolved folder of exojobs.yaml.</param>
    /// <param name="mustBeInside">Whether the file must be inside <paramref name="rootFolder"/> (every file but exojobs.yaml).</param>
    /// <param name="options">The host's checks.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    public static YamlFile? Open(string filePath, string what, string rootFolder, bool mustBeInside, ConfigurationLoadOptions options, ICollection<ExoDiagnostic> diagnostics)
    {
        var read = UserFileReader.Read(filePath, what, mustBeInside ? rootFolder : null);
        if (read.Text is not { } text)
        {
            diagnostics.Add(ExoDiagnostic.Error(
                read.Id ?? ConfigurationDiagnosticIds.FileUnreadable,
                read.Problem!,
                new SourceLocation(filePath, 1, 1)));
            return null;
        }

        var file = new YamlFile(filePath, text, rootFolder, options, diagnostics);
        try
        {
            file.Root = YamlDocumentReader.Read(text, file);
            return file;
        }
        catch (YamlException exception)
        {
            // Unquoted cron expressions are the usual way into YAML's alias syntax: "schedule: */5 * * * *" reads
            // as an alias named "/5", and the parser's own words do not say so.
            var hint = exception.Message.Contains("alias", StringComparison.OrdinalIgnoreCase)
                ? "; a value that starts with '*' or '&' must be quoted, e.g. schedule: \"*/5 * * * *\""
                : string.Empty;
            diagnostics.Add(ExoDiagnostic.Error(
                ConfigurationDiagnosticIds.YamlSyntax,
                $"YAML syntax error: {exception.Message}{hint}",
                new SourceLocation(filePath, (int)Math.Max(1, exception.Start.Line), (int)Math.Max(1, exception.Start.Column))));
            return null;
        }
    }

    public SourceLocation At(YamlNode? node) =>
        node is null ? new SourceLocation(FilePath, 1, 1) : new SourceLocation(FilePath, node.Line, node.Column);

    /// <summary>Reports an error at <paramref name="node"/>, or at the start of the file when there is no node to point at.</summary>
    public void Error(string id, string message, YamlNode? node) => diagnostics.Add(ExoDiagnostic.Error(id, message, At(node)));

    public void Warning(string id, string message, YamlNode? node) => diagnostics.Add(ExoDiagnostic.Warning(id, message, At(node)));

    /// <summary>The value of a key that takes a single value; null when it is empty (YAML null) or not a single value.</summary>
    public YamlScalar? ReadScalar(YamlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        if (entry.Value is YamlScalar scalar)
        {
            return scalar.IsNull ? null : scalar;
        }

        ReportWrongType(entry, "a single value");
        return null;
    }

    public string? ReadString(YamlEntry entry) => ReadScalar(entry)?.Value;

    /// <summary>The mapping under a key; null when the key is empty (YAML null) or holds something else.</summary>
    public YamlMapping? ReadMapping(YamlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        switch (entry.Value)
        {
            case YamlMapping mapping:
                return mapping;
            case YamlScalar { IsNull: true }:
                return null;
            default:
                ReportWrongType(entry, "a mapping (indented 'key: value' lines below it)");
                return null;
        }
    }

    /// <summary>A single value or a list of single values, e.g. <c>jobs: jobs/*.yaml</c> or <c>jobs: [a/*.yaml, b/*.yaml]</c>.</summary>
    public IReadOnlyList<YamlScalar> ReadScalarList(YamlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);

        switch (entry.Value)
        {
            case YamlScalar scalar:
                return scalar.IsNull ? [] : [scalar];
            case YamlSequence sequence:
                var scalars = new List<YamlScalar>();
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar { IsNull: false } itemScalar)
                    {
                        scalars.Add(itemScalar);
                    }
                    else
                    {
                        Error(
                            ConfigurationDiagnosticIds.WrongType,
                            $"each item of '{entry.Name}' must be a single value, not {Describe(item)}",
                            item);
                    }
                }

                return scalars;
            default:
                ReportWrongType(entry, "a single value or a list of values");
                return [];
        }
    }

    public bool? ReadBool(YamlEntry entry)
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        // YAML 1.2's core schema: true/false in any of its three spellings. YAML 1.1's yes/no/on/off are refused
        // rather than guessed at, because "enabled: no" reading as true in some other tool is how jobs run by accident.
        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Error(
                    ConfigurationDiagnosticIds.WrongType,
                    $"'{entry.Name}' must be true or false, not '{scalar.Value}'",
                    scalar);
                return null;
        }
    }

    public int? ReadInt(YamlEntry entry, int minimum)
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        if (!int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(
                ConfigurationDiagnosticIds.WrongType,
                $"'{entry.Name}' must be a whole number, not '{scalar.Value}'",
                scalar);
            return null;
        }

        if (value < minimum)
        {
            Error(
                ConfigurationDiagnosticIds.InvalidValue,
                string.Create(CultureInfo.InvariantCulture, $"'{entry.Name}' must be at least {minimum}, not {value}"),
                scalar);
            return null;
        }

        return value;
    }

    /// <summary>
    /// One of a fixed set of words. Case is forgiven (<c>Queue</c>, <c>runonce</c>) because nothing else could be
    /// meant; anything else is refused with the list, so a typo never silently becomes the default.
    /// </summary>
    public T? ReadChoice<T>(YamlEntry entry, params (string Name, T Value)[] choices)
        where T : struct
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        foreach (var (name, value) in choices)
        {
            if (string.Equals(scalar.Value.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var names = choices.Select(choice => choice.Name).ToList();
        var suggestion = EditDistance.ClosestMatch(scalar.Value.Trim(), names);
        var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
        Error(
            ConfigurationDiagnosticIds.InvalidValue,
            $"'{entry.Name}' must be one of {string.Join(", ", names)}, not '{scalar.Value}'{hint}",
            scalar);
        return null;
    }

    public TimeSpan? ReadDuration(YamlEntry entry)
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        var duration = DurationParser.Parse(scalar.Value.Trim());
        if (duration is null)
        {
            Error(
                ConfigurationDiagnosticIds.InvalidDuration,
                $"'{entry.Name}' is not a duration: '{scalar.Value}'; write a number with a unit (s, m, h, d), largest first, like 90s, 15m, 2h or 1h30m",
                scalar);
            return null;
        }

        if (duration.Value <= TimeSpan.Zero)
        {
            Error(
                ConfigurationDiagnosticIds.InvalidDuration,
                $"'{entry.Name}' must be longer than zero, not '{scalar.Value}'",
                scalar);
            return null;
        }

        if (duration.Value > ConfigurationLimits.MaxDuration)
        {
            Error(
                ConfigurationDiagnosticIds.InvalidDuration,
                string.Create(CultureInfo.InvariantCulture, $"'{entry.Name}' is '{scalar.Value}', longer than the {ConfigurationLimits.MaxDuration.TotalDays:0}d a run can wait; write {ConfigurationLimits.MaxDuration.TotalDays:0}d or less"),
                scalar);
            return null;
        }

        return duration;
    }

    public TimeZoneInfo? ReadTimeZone(YamlEntry entry)
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        var zone = TimeZoneLookup.Find(scalar.Value);
        if (zone is null)
        {
            var suggestion = TimeZoneLookup.Suggest(scalar.Value);
            var hint = suggestion is null ? string.Empty : $"did you mean '{suggestion}'? ";
            Error(
                ConfigurationDiagnosticIds.UnknownTimeZone,
                $"unknown time zone '{scalar.Value}' in '{entry.Name}'; {hint}use an IANA id such as Europe/Berlin or a Windows id such as W. Europe Standard Time",
                scalar);
        }

        return zone;
    }

    /// <summary>A path value made absolute against this file's folder (only its shape is checked, not that it exists).</summary>
    public string? ReadPath(YamlEntry entry)
    {
        var scalar = ReadScalar(entry);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.Value.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            Error(
                ConfigurationDiagnosticIds.InvalidValue,
                $"'{entry.Name}' holds a character that cannot be part of a path; write a path relative to this file's folder",
                scalar);
            return null;
        }

        return ResolvePath(scalar.Value);
    }

    public string ResolvePath(string relativeOrAbsolute) => Path.GetFullPath(relativeOrAbsolute, DirectoryPath);

    private void ReportWrongType(YamlEntry entry, string expected) =>
        Error(
            ConfigurationDiagnosticIds.WrongType,
            $"'{entry.Name}' must be {expected}, not {Describe(entry.Value)}",
            entry.Value);

    private static string Describe(YamlNode node) => node is YamlScalar { IsNull: true } ? "empty" : node.Description;
}
