namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary><c>Left -or Right</c>.</summary>
internal sealed record OpathOr(OpathExpression Left, OpathExpression Right) : OpathExpression;
