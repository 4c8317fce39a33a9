namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>A mapping whose keys are scalars, in file order, without duplicates (those are reported while reading).</summary>
internal sealed class YamlMapping : YamlNode
{
    public YamlMapping(IReadOnlyList<YamlEntry> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
    }

    public IReadOnlyList<YamlEntry> Entries { get; }

    public override string Description => "a mapping";
}
