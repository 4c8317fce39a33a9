var loaded = AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetName().Name).ToHashSet();
Log.LogInformation(
    "roslyn loaded: {Roslyn}; powershell loaded: {PowerShell}",
    loaded.Contains("Microsoft.CodeAnalysis"),
    loaded.Contains("System.Management.Automation"));
