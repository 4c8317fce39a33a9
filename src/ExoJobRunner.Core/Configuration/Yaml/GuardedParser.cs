using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>
/// YamlDotNet's parser, made to fail only with a located <see cref="YamlException"/>. On some malformed input its
/// scanner throws other exceptions with no position: an unclosed flow mapping (<c>sandbox: { mailboxes: 50</c> and
/// the end of the file) ends in "Operation is not valid due to the current state of the object". Those are turned
/// into a syntax error at the bracket left open, or else just after the last event that was read; the parser's own
/// errors are moved to an open bracket too when they come from a later line.
/// </summary>
internal sealed class GuardedParser(IParser inner) : IParser
{
    // Every collection open at this point, so the innermost unclosed '{' or '[' can be named when the scanner gives up.
    private readonly Stack<(bool IsFlow, bool IsMapping, Mark Start)> open = new();

    private Mark lastEnd = Mark.Empty;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        bool moved;
        try
        {
            moved = inner.MoveNext();
        }
        catch (YamlException exception) when (Unclosed(exception.Start, exception.Message, exception) is { } unclosed)
        {
            throw unclosed;
        }
        catch (Exception exception) when (exception is not YamlException)
        {
            throw Unclosed(lastEnd, null, exception) ?? new YamlException(
                lastEnd,
                lastEnd,
                "the file cannot be read on from here; look for an unclosed quote or bracket, or a stray character, at or after this point",
                exception);
        }

        Track(inner.Current);
        return moved;
    }

    private void Track(ParsingEvent? current)
    {
        switch (current)
        {
            case MappingStart mapping:
                open.Push((mapping.Style == MappingStyle.Flow, true, mapping.Start));
                break;
            case SequenceStart sequence:
                open.Push((sequence.Style == SequenceStyle.Flow, false, sequence.Start));
                break;
            case MappingEnd or SequenceEnd when open.Count > 0:
                open.Pop();
                break;
        }

        if (current is not null)
        {
            lastEnd = current.End;
        }
    }

    /// <summary>
    /// The error at the innermost '{' or '[' still open when the parser stopped on a later line: YamlDotNet reports an
    /// unclosed bracket where it gives up (often the end of the file), far from the bracket the user has to close.
    /// Null when no bracket is open or the problem is on the bracket's own line, where the parser's position is better.
    /// </summary>
    private YamlException? Unclosed(Mark stoppedAt, string? parserMessage, Exception exception)
    {
        foreach (var (isFlow, isMapping, start) in open)
        {
            if (!isFlow)
            {
                continue;
            }

            if (parserMessage is not null && stoppedAt.Line <= start.Line)
            {
                return null;
            }

            var (opening, closing, what) = isMapping ? ('{', '}', "mapping") : ('[', ']', "list");
            var stopped = parserMessage is null
                ? string.Empty
                : string.Create(CultureInfo.InvariantCulture, $" (the parser stopped at line {stoppedAt.Line}, column {stoppedAt.Column}: {parserMessage.TrimEnd('.')})");
            return new YamlException(
                start,
                start,
                $"the '{opening}' here is never closed{stopped}; end the {what} with '{closing}', or write it as indented lines without brackets",
                exception);
        }

        return null;
    }
}
