using ExoJobRunner.Core.Configuration.Validation;
using ExoJobRunner.Core.Configuration.Yaml;
using ExoJobRunner.Exchange.Connection;

namespace ExoJobRunner.Core.Configuration.Sections;

/// <summary>Reads a profile's <c>sandbox: { mailboxes: 250, seed: 42 }</c>.</summary>
internal static class SandboxOptionsReader
{
    private static readonly MappingKeys Keys = new("the sandbox options", "mailboxes", "seed");

    public static SandboxOptions Read(YamlEntry entry, YamlFile file)
    {
        var mapping = file.ReadMapping(entry);
        if (mapping is null)
        {
            return new SandboxOptions();
        }

        var keys = Keys.Select(mapping, file);
        var mailboxes = keys.TryGetValue("mailboxes", out var mailboxesEntry) ? file.ReadInt(mailboxesEntry, minimum: 1) : null;
        var seed = keys.TryGetValue("seed", out var seedEntry) ? file.ReadInt(seedEntry, minimum: int.MinValue) : null;
        return new SandboxOptions(mailboxes ?? SandboxOptions.DefaultMailboxes, seed ?? SandboxOptions.DefaultSeed);
    }
}
