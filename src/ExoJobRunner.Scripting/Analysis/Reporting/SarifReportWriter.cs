using System.Text.Encodings.Web;
using System.Text.Json;
using ExoJobRunner.Core.Diagnostics;

namespace ExoJobRunner.Scripting.Analysis.Reporting;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log, the format GitHub code scanning imports: every catalogue rule with its
/// docs page as help, and one result per diagnostic with its file (relative to the checkout) and position.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The name results' paths are relative to; <c>originalUriBaseIds</c> says where it was on this machine.</summary>
    private const string SourceRoot = "SRCROOT";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="output">Where the log goes.</param>
    /// <param name="diagnostics">Compiler diagnostics and rule findings, in the order to report them.</param>
    /// <param name="baseDirectory">The folder paths are made relative to (the checkout's root in CI).</param>
    /// <param name="toolVersion">The version of exojobs that produced the log.</param>
    public static void Write(Stream output, IReadOnlyList<ExoDiagnostic> diagnostics, string baseDirectory, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(baseDirectory);

        var rules = RuleCatalog.All.Select(rule => rule.Id)
            .Concat(diagnostics.Select(diagnostic => diagnostic.Id).Where(id => RuleCatalog.Find(id) is null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();

        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "exojobs");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", new Uri(RuleCatalog.DocumentationBaseUri, "README.md").ToString());
        json.WriteStartArray("rules");
        foreach (var id in rules)
        {
            WriteRule(json, id);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar;
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRoot);
        json.WriteString("uri", new Uri(root).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            WriteResult(json, diagnostic, rules.IndexOf(diagnostic.Id), root);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        if (RuleCatalog.Find(id) is not { } rule)
        {
            // Not one of ours: code scanning still wants a description and help, so say where the diagnostic comes from.
            var source = Source(id);
            WriteText(json, "shortDescription", $"{id} ({source})");
            WriteText(json, "fullDescription", $"{id}, reported by {source}; the result's message says what is wrong and where.");
            WriteText(json, "help", $"{id} is reported by {source}; the result's message says what to change at the reported position.");
            json.WriteEndObject();
            return;
        }

        var page = RuleDocumentation.Markdown(rule);
        json.WriteString("name", rule.Name);
        WriteText(json, "shortDescription", rule.Title);
        WriteText(json, "fullDescription", RuleDocumentation.Summary(rule));
        json.WriteString("helpUri", rule.HelpUri.ToString());
        json.WriteStartObject("help");
        json.WriteString("text", page);
        json.WriteString("markdown", page);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultSeverity == Core.Jobs.RuleSeverity.Error ? "error" : "warning");
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteStartArray("tags");
        json.WriteStringValue("unattended");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ExoDiagnostic diagnostic, int ruleIndex, string root)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", diagnostic.IsError ? "error" : "warning");
        WriteText(json, "message", diagnostic.Message);
        if (diagnostic.Location is { } location)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var fullPath = Path.GetFullPath(location.FilePath);
            if (fullPath.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            {
                json.WriteString("uri", RelativeUri(fullPath[root.Length..]));
                json.WriteString("uriBaseId", SourceRoot);
            }
            else
            {
                json.WriteString("uri", new Uri(fullPath).AbsoluteUri);
            }

            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", location.Line);
            json.WriteNumber("startColumn", location.Column);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static string Source(string id) =>
        id.StartsWith("CS", StringComparison.Ordinal) ? "the C# compiler"
        : id.StartsWith("EXOCFG", StringComparison.Ordinal) ? "the exojobs configuration loader (see docs/configuration-errors.md)"
        : "the PowerShell parser";

    private static void WriteText(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary><c>jobs/My Report.csx</c> as a relative URI reference: forward slashes, each segment escaped.</summary>
    private static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));
}
