using System.Globalization;
using ExoJobRunner.Core.Configuration.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet's parser events. The representation model
/// (<c>YamlStream</c>) would stop at the first duplicate key with an exception; reading the events ourselves
/// lets a duplicate key be reported like any other problem while the rest of the file is still checked.
/// </summary>
internal static class YamlDocumentReader
{
    // Configuration nests a few levels; the limit only keeps a malformed file from exhausting the stack.
    private const int MaxDepth = 64;

    /// <summary>
    /// Reads the single document of <paramref name="text"/>; null when the file holds no document at all
    /// (empty or only comments). Syntax errors, whatever the parser made of them, are thrown as <see cref="YamlException"/>
    /// with their position.
    /// </summary>
    public static YamlNode? Read(string text, YamlFile file)
    {
        var parser = new GuardedParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var root = ReadNode(parser, anchors, file, depth: 0);
        parser.Consume<DocumentEnd>();
        if (parser.TryConsume<DocumentStart>(out var second))
        {
            throw new YamlException(
                second.Start,
                second.End,
                "a file holds a single YAML document; remove the second '---' and what follows it, or move it to a file of its own");
        }

        return root;
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, YamlFile file, int depth)
    {
        if (depth > MaxDepth)
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, $"values are nested more than {MaxDepth} levels deep; configuration never needs that many");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value.Value, out var anchored)
                ? anchored
                : throw new YamlException(alias.Start, alias.End, $"alias '*{alias.Value.Value}' refers to no anchor '&{alias.Value.Value}' defined above it");
        }

        YamlNode node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = new YamlScalar(scalar.Value, scalar.Style, Line(scalar.Start), Column(scalar.Start), Line(scalar.End));
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, anchors, file, depth + 1));
            }

            node = new YamlSequence(items, Line(sequenceStart.Start), Column(sequenceStart.Start));
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            anchor = mappingStart.Anchor;
            node = ReadMapping(parser, mappingStart, anchors, file, depth);
        }

        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static YamlMapping ReadMapping(IParser parser, MappingStart start, Dictionary<string, YamlNode> anchors, YamlFile file, int depth)
    {
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, anchors, file, depth + 1);
            var value = ReadNode(parser, anchors, file, depth + 1);
            if (key is not YamlScalar scalarKey)
            {
                file.Error(
                    ConfigurationDiagnosticIds.WrongType,
                    $"a key must be a plain name, not {key.Description}",
                    key);
                continue;
            }

            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                file.Error(
                    ConfigurationDiagnosticIds.DuplicateKey,
                    string.Create(CultureInfo.InvariantCulture, $"key '{scalarKey.Value}' appears twice (first on line {first.Line}); keep one of them"),
                    scalarKey);
                continue;
            }

            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new YamlEntry(scalarKey, value));
        }

        return new YamlMapping(entries, Line(start.Start), Column(start.Start));
    }

    private static int Line(Mark mark) => checked((int)mark.Line);

    private static int Column(Mark mark) => checked((int)mark.Column);
}
