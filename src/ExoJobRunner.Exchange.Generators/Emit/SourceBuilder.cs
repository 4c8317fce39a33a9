using System.Text;

namespace ExoJobRunner.Exchange.Generators.Emit;

/// <summary>Writes generated source line by line at the current indentation, with LF line ends on every host.</summary>
internal sealed class SourceBuilder
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceBuilder Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var level = 0; level < _depth; level++)
            {
                _text.Append(IndentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes an opening line (a brace by default) and indents what follows.</summary>
    public SourceBuilder Open(string opening = "{")
    {
        Line(opening);
        return Indent();
    }

    /// <summary>Ends the indentation of <see cref="Open"/> and writes the closing line.</summary>
    public SourceBuilder Close(string closing = "}")
    {
        Outdent();
        return Line(closing);
    }

    /// <summary>Indents continuation lines, such as the arguments of a call split over several lines.</summary>
    public SourceBuilder Indent()
    {
        _depth++;
        return this;
    }

    public SourceBuilder Outdent()
    {
        _depth--;
        return this;
    }

    public override string ToString() => _text.ToString();
}
