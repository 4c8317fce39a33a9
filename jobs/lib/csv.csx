using System.Text;

// A minimal RFC 4180 writer: quotes a field only when it holds a comma, a quote or a line break.
public sealed class CsvWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public CsvWriter(string path, params string[] header)
    {
        _writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        Row(header);
    }

    public void Row(params string[] fields) =>
        _writer.WriteLine(string.Join(",", fields.Select(Escape)));

    public void Dispose() => _writer.Dispose();

    private static string Escape(string field)
    {
        field ??= string.Empty;
        return field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0
            ? "\"" + field.Replace("\"", "\"\"") + "\""
            : field;
    }
}
