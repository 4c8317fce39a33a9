using System.Text.Json;
using ExoJobRunner.Sandbox.Cmdlets.Binding;
using ExoJobRunner.Sandbox.Cmdlets.Output;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// Output drawn lazily from a list in a stable order, through an optional predicate, up to a <see cref="ResultSize"/>.
/// After filling a page it looks ahead for the next match, so the last page never carries a next link to an empty page.
/// </summary>
internal sealed class RecordSet<T>(
    IReadOnlyList<T> source,
    IReadOnlyList<OutputProperty<T>> properties,
    Func<T, bool>? predicate,
    ResultSize size) : IRecordSet
{
    public RecordPage WritePage(Utf8JsonWriter writer, RecordCursor cursor, int pageSize, IReadOnlySet<string>? select)
    {
        var selected = select is null ? properties : properties.Where(p => select.Contains(p.Name)).ToArray();
        var position = cursor.Position;
        var emitted = cursor.Emitted;
        var written = 0;
        writer.WriteStartArray();
        while (written < pageSize && !LimitReached(emitted) && (position = NextMatch(position)) < source.Count)
        {
            OutputJson.WriteObject(writer, source[position], selected);
            position++;
            emitted++;
            written++;
        }

        writer.WriteEndArray();
        var following = NextMatch(position);
        if (following >= source.Count)
        {
            return new RecordPage(null, null);
        }

        return LimitReached(emitted)
            ? new RecordPage(null, size.IsDefault ? ExchangeErrors.DefaultResultSizeReached(ResultSize.DefaultLimit) : ExchangeErrors.ResultSizeReached)
            : new RecordPage(new RecordCursor(following, emitted), null);
    }

    private bool LimitReached(int emitted) => size.Limit is { } limit && emitted >= limit;

    private int NextMatch(int position)
    {
        while (position < source.Count && predicate is not null && !predicate(source[position]))
        {
            position++;
        }

        return position;
    }
}
