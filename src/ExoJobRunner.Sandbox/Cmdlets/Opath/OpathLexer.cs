using System.Text;

namespace ExoJobRunner.Sandbox.Cmdlets.Opath;

/// <summary>
/// Splits a filter into tokens. Quoting follows PowerShell: <c>'O''Brien'</c> and <c>"say ""hi"""</c> escape by doubling,
/// and a backtick escapes inside double quotes.
/// </summary>
internal static class OpathLexer
{
    public static List<OpathToken> Tokenize(string filter)
    {
        var tokens = new List<OpathToken>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && char.IsWhiteSpace(filter[i]))
            {
                i++;
            }

            if (i == filter.Length)
            {
                tokens.Add(new OpathToken(OpathTokenKind.End, string.Empty, i + 1));
                return tokens;
            }

            var start = i;
            var c = filter[i];
            switch (c)
            {
                case '(':
                    tokens.Add(new OpathToken(OpathTokenKind.OpenParenthesis, "(", start + 1));
                    i++;
                    break;
                case ')':
                    tokens.Add(new OpathToken(OpathTokenKind.CloseParenthesis, ")", start + 1));
                    i++;
                    break;
                case '\'' or '"':
                    tokens.Add(new OpathToken(OpathTokenKind.Quoted, ReadQuoted(filter, ref i), start + 1));
                    break;
                case '-' when i + 1 < filter.Length && char.IsAsciiLetter(filter[i + 1]):
                    i++;
                    while (i < filter.Length && char.IsAsciiLetter(filter[i]))
                    {
                        i++;
                    }

                    tokens.Add(new OpathToken(OpathTokenKind.Operator, filter[(start + 1)..i].ToLowerInvariant(), start + 1));
                    break;
                case '$':
                    i++;
                    while (i < filter.Length && char.IsAsciiLetterOrDigit(filter[i]))
                    {
                        i++;
                    }

                    tokens.Add(new OpathToken(OpathTokenKind.Variable, filter[(start + 1)..i].ToLowerInvariant(), start + 1));
                    break;
                default:
                    while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or '\'' or '"'))
                    {
                        i++;
                    }

                    tokens.Add(new OpathToken(OpathTokenKind.Word, filter[start..i], start + 1));
                    break;
            }
        }
    }

    private static string ReadQuoted(string filter, ref int i)
    {
        var quote = filter[i++];
        var text = new StringBuilder();
        while (i < filter.Length)
        {
            var c = filter[i++];
            if (c == quote)
            {
                if (i < filter.Length && filter[i] == quote)
                {
                    text.Append(quote);
                    i++;
                    continue;
                }

                return text.ToString();
            }

            if (c == '`' && quote == '"' && i < filter.Length)
            {
                text.Append(filter[i++]);
                continue;
            }

            text.Append(c);
        }

        throw new OpathSyntaxException(filter.Length + 1);
    }
}
