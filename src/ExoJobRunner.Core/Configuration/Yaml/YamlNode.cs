namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>
/// A node of a parsed YAML file with the 1-based position where it starts, so every problem found while
/// validating it can point at the user's line and column.
/// </summary>
internal abstract class YamlNode
{
    protected YamlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }

    /// <summary>What the node is called in messages: "a value", "a mapping", "a list".</summary>
    public abstract string Description { get; }
}
