namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>A parsed OPATH filter: comparisons combined with <c>-and</c>, <c>-or</c> and <c>-not</c>.</summary>
internal abstract record OpathExpression;
