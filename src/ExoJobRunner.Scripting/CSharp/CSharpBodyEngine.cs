using System.Globalization;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;
using ExoJobRunner.Scripting.CSharp.Caching;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// Runs C# script bodies (.csx files and inline <c>csharp:</c> blocks): compiles with Roslyn and the rule analyzers,
/// emits to memory (or takes the emitted script from the on-disk cache), runs it in a collectible load context that
/// is unloaded after the run.
/// </summary>
public sealed class CSharpBodyEngine : IJobBodyEngine
{
    private readonly CompiledScriptCache? _cache;

    /// <summary>An engine that compiles every body on every run (<c>--no-cache</c>).</summary>
    public CSharpBodyEngine()
    {
    }

    /// <summary>An engine that keeps compiled bodies in <paramref name="cache"/> and runs them from it while their sources are unchanged.</summary>
    public CSharpBodyEngine(CompiledScriptCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
    }

    /// <summary>Namespaces every body can use without a <c>using</c> directive.</summary>
    public static IReadOnlyList<string> DefaultImports { get; } =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Threading",
        "System.Threading.Tasks",
        "Microsoft.Extensions.Logging",

        // The typed cmdlet API: Exo.GetMailbox(…) and its result and value types (Mailbox, ResultSize …).
        "ExoJobRunner.Exchange.Cmdlets",
        "ExoJobRunner.Exchange.Results",
    ];

    public BodyLanguage Language => BodyLanguage.CSharp;

    /// <summary>Always compiles: a check reports every diagnostic, which a cache entry (kept only for bodies without errors) may not hold.</summary>
    public Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return ScriptBuilder.CheckAsync(body, cancellationToken);
    }

    public async Task<BodyOutcome> RunAsync(JobBody body, BodyRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);

        var build = await GetBuildAsync(body, cancellationToken);
        if (build.Script is null)
        {
            return BodyOutcome.InvalidBody([.. build.Errors, .. build.Warnings]);
        }

        var globals = new ScriptGlobals(request, cancellationToken);
        object? returnValue;
        try
        {
            returnValue = await ScriptAssemblyRunner.RunAsync(build.Script, globals, $"{CSharpScriptCompiler.ScriptClassName}:{request.Job.Name}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Whatever a body throws is the body's failure, reported in the outcome: the runner must go on.
            return new BodyOutcome(
                BodyOutcomeKind.Failed,
                build.Warnings,
                exception,
                $"{exception.GetType().Name}: {exception.Message}",
                ScriptExceptionLocator.Locate(exception, build.Script, body));
        }

        // A body ends with `return 2;` to fail the run the way a process exit code would; any other value
        // (or none) is just a result.
        return returnValue is int exitCode && exitCode != 0
            ? new BodyOutcome(BodyOutcomeKind.Failed, build.Warnings, ErrorMessage: string.Create(CultureInfo.InvariantCulture, $"the script returned {exitCode}"), ExitCode: exitCode)
            : BodyOutcome.Success(build.Warnings);
    }

    /// <summary>
    /// The cached build when the cache has one for exactly these sources, otherwise a fresh one (stored for next time
    /// when it has no errors). The key is computed without Roslyn, and a hit never reaches <see cref="ScriptBuilder"/>.
    /// </summary>
    private async Task<ScriptBuild> GetBuildAsync(JobBody body, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            return await ScriptBuilder.BuildAsync(body, cancellationToken);
        }

        var key = ScriptCacheKey.For(body, DefaultImports);
        if (_cache.TryLoad(key) is { } cached)
        {
            return new ScriptBuild(cached.Script, [], cached.Warnings);
        }

        var build = await ScriptBuilder.BuildAsync(body, cancellationToken);
        if (build.Script is not null)
        {
            var loadedFiles = build.Script.SourcePaths
                .Where(path => !string.Equals(path, body.FilePath, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToDictionary(path => path, path => key.FileHashes.GetValueOrDefault(path) ?? ScriptCacheKey.HashFile(path), StringComparer.Ordinal);
            _cache.Store(key, new CachedScript(build.Script, build.Warnings, loadedFiles));
        }

        return build;
    }
}
