namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>A list of nodes, in file order.</summary>
internal sealed class YamlSequence : YamlNode
{
    public YamlSequence(IReadOnlyList<YamlNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }

    public override string Description => "a list";
}
