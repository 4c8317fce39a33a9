using ExoJobRunner.Core.Configuration.Yaml;
using YamlDotNet.Core;

namespace ExoJobRunner.Core.Configuration.JobFiles;

/// <summary>
/// Works out where an inline body's text sits in its YAML file, so a compiler error on body line 1, column 1
/// is reported at the right YAML line and column. YamlDotNet gives the position of the value's first token
/// (the <c>|</c> of a block scalar), not of its content, so the content's indentation is read from the text.
/// </summary>
internal static class InlineBodyLocator
{
    /// <summary>
    /// The offsets to add to a 1-based body (line, column), or null when the value's lines do not map one to one
    /// onto the file: a folded block (<c>&gt;</c>) or a plain/quoted value spread over several lines joins lines.
    /// </summary>
    /// <param name="entry">The body key and its value; the key's column gives the indentation of the enclosing mapping.</param>
    /// <param name="value">The body value.</param>
    /// <param name="lines">The YAML file's lines.</param>
    public static (int LineOffset, int ColumnOffset)? Locate(YamlEntry entry, YamlScalar value, IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(lines);

        switch (value.Style)
        {
            case ScalarStyle.Literal:
                // csharp: |        <- line L, the header; body line 1 is line L + 1 whatever it holds
                //   var x = 1;     <- content indented n spaces: body column 1 is column n + 1
                return (value.Line, ContentIndentation(entry, value, lines));
            case ScalarStyle.Folded:
                return null;
            default:
                if (value.EndLine != value.Line)
                {
                    return null;
                }

                // Same line as the key; a quoted value's text starts after its opening quote. Escapes inside a
                // double-quoted value ("\t") shift the columns after them, lines stay exact.
                return (value.Line - 1, value.Column - 1 + (value.IsQuoted ? 1 : 0));
        }
    }

    private static int ContentIndentation(YamlEntry entry, YamlScalar value, IReadOnlyList<string> lines)
    {
        var header = lines[value.Line - 1][(value.Column - 1)..];
        var indicator = header.Skip(1).Take(2).FirstOrDefault(char.IsAsciiDigit);
        if (indicator != default)
        {
            // An explicit indentation indicator (|2) counts from the enclosing mapping's own indentation.
            return entry.Key.Column - 1 + (indicator - '0');
        }

        // Otherwise YAML takes the indentation of the first non-blank content line; leading blank lines
        // are part of the body (as empty lines) but do not set it. A non-blank line indented no deeper than the
        // key is the next key: the body is blank and any offset maps it.
        var keyIndentation = entry.Key.Column - 1;
        for (var index = value.Line; index < lines.Count && index < value.EndLine; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var indentation = line.Length - line.TrimStart(' ').Length;
            if (indentation < line.Length)
            {
                return indentation > keyIndentation ? indentation : keyIndentation + 1;
            }
        }

        return keyIndentation + 1;
    }
}
