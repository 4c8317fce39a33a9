namespace ExoJobRunner.Sandbox.Cmdlets.Output;

/// <summary>
/// One property of a cmdlet's output object: its Exchange name and how to read it. Values are strings, booleans, numbers,
/// GUIDs, dates, string lists or null; <see cref="OutputJson"/> writes them the way the REST endpoint does.
/// </summary>
internal sealed class OutputProperty<T>(string name, Func<T, object?> read)
{
    public string Name { get; } = name;

    public Func<T, object?> Read { get; } = read;
}
