namespace ExoJobRunner.Scripting.Analysis;

/// <summary>The docs/rules pages, embedded in this assembly at build time so every copy of the tool carries them.</summary>
public static class RuleDocumentation
{
    /// <summary>The rule's whole page (Markdown).</summary>
    public static string Markdown(ExoRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream("rules/" + rule.DocumentationFileName)
            ?? throw new InvalidOperationException($"the page {rule.DocumentationFileName} is not embedded in {typeof(RuleDocumentation).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The first paragraph of the page's "What it catches" section, on one line.</summary>
    public static string Summary(ExoRule rule)
    {
        var lines = Markdown(rule).Split('\n').Select(line => line.TrimEnd('\r'));
        var paragraph = lines
            .SkipWhile(line => line != "## What it catches")
            .Skip(1)
            .SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(line => !string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'));
        return string.Join(' ', paragraph.Select(line => line.Trim()));
    }
}
