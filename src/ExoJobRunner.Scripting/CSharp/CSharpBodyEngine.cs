using System.Globalization;
using ExoJobRunner.Core.Diagnostics;
using ExoJobRunner.Core.Jobs;
using ExoJobRunner.Core.Running;

namespace ExoJobRunner.Scripting.CSharp;

/// <summary>
/// Runs C# script bodies (.csx files and inline <c>csharp:</c> blocks): compiles with Roslyn, emits to memory,
/// runs in a collectible load context that is unloaded after the run.
/// </summary>
public sealed class CSharpBodyEngine : IJobBodyEngine
{
    private readonly CSharpScriptCompiler _compiler = new(DefaultImports);

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
    ];

    public BodyLanguage Language => BodyLanguage.CSharp;

    public async Task<IReadOnlyList<ExoDiagnostic>> CheckAsync(JobBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);

        var compiled = await CompileAsync(body, cancellationToken);
        return [.. compiled.Errors, .. compiled.Warnings];
    }

    public async Task<BodyOutcome> RunAsync(JobBody body, BodyRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(request);

        var compiled = await CompileAsync(body, cancellationToken);
        if (!compiled.Succeeded)
        {
            return BodyOutcome.InvalidBody(compiled.Errors);
        }

        var emitted = ScriptEmitter.Emit(compiled, body, cancellationToken);
        if (emitted.Script is null)
        {
            return BodyOutcome.InvalidBody(emitted.Errors);
        }

        var globals = new ScriptGlobals(request, cancellationToken);
        object? returnValue;
        try
        {
            returnValue = await ScriptAssemblyRunner.RunAsync(emitted.Script, globals, $"{CSharpScriptCompiler.ScriptClassName}:{request.Job.Name}");
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
                compiled.Warnings,
                exception,
                $"{exception.GetType().Name}: {exception.Message}",
                ScriptExceptionLocator.Locate(exception, emitted.Script, body));
        }

        // A body ends with `return 2;` to fail the run the way a process exit code would; any other value
        // (or none) is just a result.
        return returnValue is int exitCode && exitCode != 0
            ? new BodyOutcome(BodyOutcomeKind.Failed, compiled.Warnings, ErrorMessage: string.Create(CultureInfo.InvariantCulture, $"the script returned {exitCode}"))
            : BodyOutcome.Success(compiled.Warnings);
    }

    /// <summary>Roslyn compiles synchronously and takes about a second cold: keep it off the caller's thread.</summary>
    private Task<ScriptCompilationResult> CompileAsync(JobBody body, CancellationToken cancellationToken) =>
        Task.Run(() => _compiler.Compile(body, cancellationToken), cancellationToken);
}
