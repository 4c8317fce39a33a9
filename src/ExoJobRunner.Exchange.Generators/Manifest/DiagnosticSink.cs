using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace ExoJobRunner.Exchange.Generators.Manifest;

/// <summary>Collects the problems of one manifest file, each with the line and column of the text it is about.</summary>
internal sealed class DiagnosticSink
{
    private readonly string _filePath;
    private readonly SourceText _text;
    private readonly List<ManifestDiagnostic> _diagnostics = [];

    public DiagnosticSink(string filePath, SourceText text)
    {
        _filePath = filePath;
        _text = text;
    }

    public bool HasErrors => _diagnostics.Count > 0;

    public IReadOnlyList<ManifestDiagnostic> Diagnostics => _diagnostics;

    public void Report(string id, string message, TextSpan span)
    {
        var lines = _text.Lines.GetLinePositionSpan(span);
        _diagnostics.Add(new ManifestDiagnostic(
            id,
            message,
            _filePath,
            span.Start,
            span.Length,
            lines.Start.Line,
            lines.Start.Character,
            lines.End.Line,
            lines.End.Character));
    }
}
