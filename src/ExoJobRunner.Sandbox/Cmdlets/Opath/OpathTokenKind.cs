namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

internal enum OpathTokenKind
{
    OpenParenthesis,
    CloseParenthesis,

    /// <summary><c>-eq</c>, <c>-and</c>, <c>-not</c>…; the text is lower case without the dash.</summary>
    Operator,

    /// <summary>An unquoted word: a property name or a bare value.</summary>
    Word,

    Quoted,

    /// <summary><c>$null</c>, <c>$true</c>, <c>$false</c>; the text is lower case without the dollar.</summary>
    Variable,

    End,
}
