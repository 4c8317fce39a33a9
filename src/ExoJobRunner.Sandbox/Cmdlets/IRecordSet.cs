using System.Text.Json;

namespace ExoJobRunner.Sandbox.Cmdlets;

/// <summary>
/// A cmdlet's output, written one page at a time. Nothing is buffered beyond the page being written: a page picks up at
/// a <see cref="RecordCursor"/> and hands back where the next one starts, which is what the skip token carries.
/// </summary>
internal interface IRecordSet
{
    /// <summary>Writes up to <paramref name="pageSize"/> objects as a JSON array.</summary>
    /// <param name="select">Property names to keep (<c>$select</c>), or null for all.</param>
    RecordPage WritePage(Utf8JsonWriter writer, RecordCursor cursor, int pageSize, IReadOnlySet<string>? select);
}
