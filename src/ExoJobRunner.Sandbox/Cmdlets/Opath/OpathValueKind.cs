namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>What the right-hand side of a comparison is: text (quoted or bare), or one of the PowerShell constants.</summary>
internal enum OpathValueKind
{
    Text,
    Null,
    True,
    False,
}
