using YamlDotNet.Core;

namespace ExoJobRunner.Core.Configuration.Yaml;

/// <summary>A single value, kept exactly as written (no type resolution: <c>010</c> stays "010").</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, ScalarStyle style, int line, int column, int endLine)
        : base(line, column)
    {
        Value = value;
        Style = style;
        EndLine = endLine;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>The line the scalar ends on (for a block scalar, the line after its last content line).</summary>
    public int EndLine { get; }

    /// <summary>
    /// True for an unquoted empty value, <c>~</c> or <c>null</c>: YAML's null, which the loader treats as
    /// "key not set" so that <c>schedule:</c> with nothing after it means no schedule.
    /// </summary>
    public bool IsNull =>
        Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public bool IsQuoted => Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted;

    public override string Description => "a single value";
}
