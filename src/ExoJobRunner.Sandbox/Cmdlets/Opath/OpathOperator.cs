namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>The comparison operators OPATH filters use.</summary>
internal enum OpathOperator
{
    Eq,
    Ne,
    Like,
    NotLike,
    Gt,
    Ge,
    Lt,
    Le,
}
