using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;
using ExoJobRunner.Exchange.Cmdlets;
using ExoJobRunner.Exchange.Connection;
using ExoJobRunner.Exchange.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PowerShellPipeline = System.Management.Automation.PowerShell;

namespace ExoJobRunner.Exchange.Generators.Tests;

/// <summary>
/// One edit of the manifest reaches all three consumers: a cmdlet added to the repository's manifest becomes a typed
/// C# method, a PowerShell command with its parameters, and a name the sandbox accepts, each built by the real
/// generator and then compiled, loaded and used as the real assemblies use them.
/// </summary>
public sealed class NewCmdletReachesEveryConsumerTests
{
    private const string NewCmdlet = """
        {
          "name": "Get-ComplianceWidget",
          "output": "Mailbox",
          "parameters": [
            {"name": "Identity", "type": "string", "mandatory": true, "position": 0, "pipeline": true},
            {"name": "IncludeArchived", "type": "switch"}
          ]
        },
        """;

    private static readonly string ManifestWithNewCmdlet =
        RepositoryManifest.Read().Replace("\"cmdlets\": [\n", "\"cmdlets\": [\n" + NewCmdlet + "\n", StringComparison.Ordinal);

    [Fact]
    public void TypedApi_GainsTheMethod_OnlyWhenTheManifestHasTheCmdlet()
    {
        const string caller = """
            using ExoJobRunner.Exchange.Cmdlets;
            public static class Caller
            {
                public static object Call(ExoJobRunner.Exchange.Connection.ExchangeSession exo) =>
                    exo.GetComplianceWidget(identity: "alice", includeArchived: true);
            }
            """;

        var withNewCmdlet = CompileExchangeApi(ManifestWithNewCmdlet, caller);
        var withoutIt = CompileExchangeApi(RepositoryManifest.Read(), caller);

        Assert.Empty(withNewCmdlet.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.Contains(withoutIt.GetDiagnostics(), diagnostic => diagnostic.Id == "CS1061" && diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains("GetComplianceWidget", StringComparison.Ordinal));
    }

    [Fact]
    public void PowerShell_GainsTheProxyCommand_WithTheManifestsParameters()
    {
        var proxy = LoadGeneratedCatalog(CompileExchangeApi(ManifestWithNewCmdlet))
            .Single(cmdlet => cmdlet.Name == "Get-ComplianceWidget")
            .ProxyFunction;
        var sessionState = InitialSessionState.CreateDefault2();
        sessionState.Commands.Add(new SessionStateFunctionEntry("Get-ComplianceWidget", proxy));
        using var runspace = RunspaceFactory.CreateRunspace(sessionState);
        runspace.Open();
        using var pipeline = PowerShellPipeline.Create();
        pipeline.Runspace = runspace;

        var parameters = pipeline.AddScript("(Get-Command Get-ComplianceWidget).Parameters['Identity'], (Get-Command Get-ComplianceWidget).Parameters['IncludeArchived']").Invoke()
            .Select(result => (ParameterMetadata)result.BaseObject)
            .ToList();

        Assert.Equal(typeof(string), parameters[0].ParameterType);
        var identity = Assert.Single(parameters[0].ParameterSets.Values);
        Assert.True(identity.IsMandatory);
        Assert.True(identity.ValueFromPipelineByPropertyName);
        Assert.Equal(0, identity.Position);
        Assert.Equal(typeof(SwitchParameter), parameters[1].ParameterType);
    }

    [Fact]
    public void Sandbox_GainsTheCmdlet_InItsValidationTable()
    {
        var result = GeneratorHarness.Run(
            ManifestWithNewCmdlet,
            new Dictionary<string, string> { ["ExoCmdletManifestOutput"] = "SandboxValidation", ["RootNamespace"] = "ExoJobRunner.Sandbox" });
        var compilation = Compile("SandboxTable", result.GeneratedSources.Select(source => source.SyntaxTree));

        var cmdlets = (IDictionary)LoadType(compilation, "ExoJobRunner.Sandbox.Cmdlets.CmdletManifest")
            .GetProperty("Cmdlets", BindingFlags.Public | BindingFlags.Static)!
            .GetValue(null)!;

        var cmdlet = cmdlets["get-compliancewidget"]!;
        var parameterNames = ((IEnumerable)cmdlet.GetType().GetProperty("Parameters")!.GetValue(cmdlet)!)
            .Cast<object>()
            .Select(parameter => (string)parameter.GetType().GetProperty("Name")!.GetValue(parameter)!);
        Assert.Equal(["Identity", "IncludeArchived"], parameterNames);
    }

    /// <summary>The Exchange API the generator makes of <paramref name="manifest"/>, compiled against the real Exchange assembly.</summary>
    private static CSharpCompilation CompileExchangeApi(string manifest, params string[] moreSources)
    {
        var result = GeneratorHarness.Run(manifest);
        Assert.Empty(result.Diagnostics);
        return Compile(
            "ExchangeApi",
            result.GeneratedSources.Select(source => source.SyntaxTree)
                .Concat(moreSources.Select(source => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions))));
    }

    private static CSharpCompilation Compile(string assemblyName, IEnumerable<SyntaxTree> sources)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll");
        var references = framework
            .Append(typeof(ExchangeSession).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));

        // The generated types also exist in the referenced Exchange assembly; the compiled source wins (CS0436), which is
        // what puts the manifest's new cmdlet in this assembly's catalog.
        return CSharpCompilation.Create(
            assemblyName + Guid.NewGuid().ToString("N"),
            sources,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    private static IReadOnlyList<ExchangeCmdletDescriptor> LoadGeneratedCatalog(CSharpCompilation compilation) =>
        (IReadOnlyList<ExchangeCmdletDescriptor>)LoadType(compilation, "ExoJobRunner.Exchange.Cmdlets.ExchangeCmdletCatalog")
            .GetProperty("Cmdlets", BindingFlags.Public | BindingFlags.Static)!
            .GetValue(null)!;

    /// <summary>
    /// Emits the compilation and loads it into a load context of its own, whose dependencies (the real Exchange
    /// assembly) resolve to the ones this test already loaded.
    /// </summary>
    private static Type LoadType(CSharpCompilation compilation, string typeName)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return context.LoadFromStream(image).GetType(typeName, throwOnError: true)!;
    }
}
