namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping; the key is kept as a node so messages can point at it.</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value)
{
    public string Name => Key.Value;
}
