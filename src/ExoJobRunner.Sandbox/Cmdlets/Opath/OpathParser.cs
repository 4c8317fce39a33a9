namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>
/// Parses the OPATH filters Exchange cmdlets take in <c>-Filter</c>:
/// <code>
/// expression := and ( -or and )*
/// and        := unary ( -and unary )*
/// unary      := -not unary | ( expression ) | Property -op Value
/// </code>
/// A filter written as a script block (<c>{Alias -eq 'x'}</c>) arrives over REST as its text with the braces; they are dropped.
/// </summary>
internal sealed class OpathParser
{
    private static readonly Dictionary<string, OpathOperator> Comparisons = new(StringComparer.Ordinal)
    {
        ["eq"] = OpathOperator.Eq,
        ["ne"] = OpathOperator.Ne,
        ["like"] = OpathOperator.Like,
        ["notlike"] = OpathOperator.NotLike,
        ["gt"] = OpathOperator.Gt,
        ["ge"] = OpathOperator.Ge,
        ["lt"] = OpathOperator.Lt,
        ["le"] = OpathOperator.Le,
    };

    private readonly List<OpathToken> tokens;
    private int next;

    private OpathParser(List<OpathToken> tokens)
    {
        this.tokens = tokens;
    }

    /// <exception cref="OpathSyntaxException">The filter doesn't parse.</exception>
    public static OpathExpression Parse(string filter)
    {
        var text = filter.Trim();
        var source = filter;
        if (text.Length >= 2 && text[0] == '{' && text[^1] == '}')
        {
            var chars = filter.ToCharArray();
            chars[filter.IndexOf('{', StringComparison.Ordinal)] = ' ';
            chars[filter.LastIndexOf('}')] = ' ';
            source = new string(chars);
        }

        var parser = new OpathParser(OpathLexer.Tokenize(source));
        var expression = parser.ParseOr();
        if (parser.Peek.Kind != OpathTokenKind.End)
        {
            throw new OpathSyntaxException(parser.Peek.Position);
        }

        return expression;
    }

    private OpathToken Peek => tokens[next];

    private OpathExpression ParseOr()
    {
        var left = ParseAnd();
        while (IsOperator("or"))
        {
            next++;
            left = new OpathOr(left, ParseAnd());
        }

        return left;
    }

    private OpathExpression ParseAnd()
    {
        var left = ParseUnary();
        while (IsOperator("and"))
        {
            next++;
            left = new OpathAnd(left, ParseUnary());
        }

        return left;
    }

    private OpathExpression ParseUnary()
    {
        if (IsOperator("not"))
        {
            next++;
            return new OpathNot(ParseUnary());
        }

        if (Peek.Kind == OpathTokenKind.OpenParenthesis)
        {
            next++;
            var inner = ParseOr();
            Expect(OpathTokenKind.CloseParenthesis);
            return inner;
        }

        return ParseComparison();
    }

    private OpathComparison ParseComparison()
    {
        var property = Expect(OpathTokenKind.Word);
        var operatorToken = Expect(OpathTokenKind.Operator);
        if (!Comparisons.TryGetValue(operatorToken.Text, out var comparison))
        {
            throw new OpathSyntaxException(operatorToken.Position);
        }

        var value = Peek;
        next++;
        return value.Kind switch
        {
            OpathTokenKind.Quoted or OpathTokenKind.Word =>
                new OpathComparison(property.Text, comparison, OpathValueKind.Text, value.Text, property.Position),
            OpathTokenKind.Variable when value.Text == "null" =>
                new OpathComparison(property.Text, comparison, OpathValueKind.Null, string.Empty, property.Position),
            OpathTokenKind.Variable when value.Text == "true" =>
                new OpathComparison(property.Text, comparison, OpathValueKind.True, "True", property.Position),
            OpathTokenKind.Variable when value.Text == "false" =>
                new OpathComparison(property.Text, comparison, OpathValueKind.False, "False", property.Position),
            _ => throw new OpathSyntaxException(value.Position),
        };
    }

    private bool IsOperator(string text) => Peek.Kind == OpathTokenKind.Operator && Peek.Text == text;

    private OpathToken Expect(OpathTokenKind kind)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw new OpathSyntaxException(token.Position);
        }

        next++;
        return token;
    }
}
