using System.Collections.Immutable;
using System.Text;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Scripting.Analysis;
using ExoJobRunner.Scripting.Analysis.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Logging;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// Compiles a C# body into a script compilation whose globals are <see cref="ScriptGlobals"/>, resolving
/// <c>#load</c> relative to the body's file, and runs the catalogue's rules on it at the severities the job asks for.
/// </summary>
internal sealed class CSharpScriptCompiler
{
    /// <summary>The submission class every body compiles to; the runner looks it up by this name.</summary>
    public const string ScriptClassName = "ExoJobScript";

    private static readonly CSharpParseOptions ParseOptions = new(
        LanguageVersion.Latest,
        DocumentationMode.None,
        SourceCodeKind.Script);

    private static readonly Lazy<ImmutableArray<MetadataReference>> HostReferences = new(LoadHostReferences);

    private readonly ImmutableArray<string> _imports;

    public CSharpScriptCompiler(IEnumerable<string> imports)
    {
        _imports = [.. imports];
    }

    public async Task<ScriptCompilationResult> CompileAsync(JobBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rules = RuleSettings.For(body);

        // The text carries an encoding so the emitter can write a PDB whose documents are the user's files.
        var text = SourceText.From(body.Code, Encoding.UTF8);
        var mainTree = CSharpSyntaxTree.ParseText(text, ParseOptions, body.FilePath, cancellationToken);
        var baseDirectory = Path.GetDirectoryName(body.FilePath) ?? Directory.GetCurrentDirectory();

        // No metadata resolver: the script's load context resolves only what the host has loaded, so a #r'd
        // assembly would compile and then fail at run time; without a resolver Roslyn refuses #r where it is written.
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            scriptClassName: ScriptClassName,
            usings: _imports,
            optimizationLevel: OptimizationLevel.Release,
            deterministic: true,
            sourceReferenceResolver: new SourceFileResolver(ImmutableArray<string>.Empty, baseDirectory),
            metadataReferenceResolver: null,
            specificDiagnosticOptions: rules.Overridden.Select(rule =>
                KeyValuePair.Create(rule.Key, CSharpRuleAnalyzer.ToReportDiagnostic(rule.Value))));

        var compilation = CSharpCompilation.CreateScriptCompilation(
            AssemblyNameFor(body),
            mainTree,
            HostReferences.Value,
            options,
            previousScriptCompilation: null,
            returnType: typeof(object),
            globalsType: typeof(ScriptGlobals));

        // One pass gives the compiler's diagnostics and the rules' findings, with #pragma suppressions applied to both.
        var analyzed = compilation.WithAnalyzers(
            CSharpRuleAnalyzers.AsDiagnosticAnalyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = await analyzed.GetAllDiagnosticsAsync(cancellationToken);

        var errors = new List<ExoDiagnostic>(rules.Problems);
        var warnings = new List<ExoDiagnostic>();
        foreach (var diagnostic in diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(diagnostic => diagnostic.Location.SourceSpan.Start))
        {
            var mapped = ScriptDiagnosticMapper.Map(diagnostic, body, mainTree);
            if (mapped is not null)
            {
                (mapped.IsError ? errors : warnings).Add(mapped);
            }
        }

        return new ScriptCompilationResult(compilation, mainTree, errors, warnings);
    }

    /// <summary>A readable assembly name (it shows in stack traces) made only of characters an assembly name allows.</summary>
    private static string AssemblyNameFor(JobBody body)
    {
        var fileName = Path.GetFileNameWithoutExtension(body.FilePath);
        var safe = new StringBuilder(fileName.Length);
        foreach (var character in fileName)
        {
            safe.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' ? character : '_');
        }

        return ScriptClassName + "." + safe;
    }

    /// <summary>
    /// The framework (the runtime's own assemblies) plus the host assemblies whose public types the globals
    /// expose. Scripts see exactly this surface, not every assembly the tool happens to ship.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadHostReferences()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var trustedAssemblies = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var framework = trustedAssemblies
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal));

        var host = new[]
        {
            typeof(JobContext).Assembly,
            typeof(ExchangeSession).Assembly,
            typeof(ScriptGlobals).Assembly,
            typeof(ILogger).Assembly,
        }.Select(assembly => assembly.Location);

        return [.. framework.Concat(host).Distinct(StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
