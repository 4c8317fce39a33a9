using Spectre.Console;
using Spectre.Console.Rendering;

namespace ExoJobRunner.Cli.Infrastructure;

/// <summary>
/// A table that fits the console instead of wrapping its cells: run ids and statuses that wrap mid-word cannot be
/// read or copied. When the columns do not fit, the flexible column (free text) is cut with an ellipsis, then the
/// least important columns are left out, and a line under the table says which and that <c>--wide</c> shows them.
/// </summary>
internal sealed class FittedTable
{
    // A Simple-bordered Spectre table spends one space of border and one of padding on each side of every column.
    private const int SpacePerColumn = 3;
    private const int SpaceAtEdges = 1;

    // Narrower than this, free text says too little to be worth its column.
    private const int MinimumFlexibleWidth = 12;

    private readonly List<Column> columns = [];
    private readonly List<string[]> rows = [];

    /// <param name="header">The column's title.</param>
    /// <param name="importance">Lower is more important: the highest values are left out first.</param>
    /// <param name="flexible">Free text that may be cut short with an ellipsis before any column is left out.</param>
    public FittedTable AddColumn(string header, int importance, bool flexible = false)
    {
        columns.Add(new Column(header, importance, flexible));
        return this;
    }

    public void AddRow(params string[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"a row needs {columns.Count} cells, not {cells.Length}", nameof(cells));
        }

        // A table row is one line: a multi-line error summary is shown on it with its lines joined.
        rows.Add([.. cells.Select(cell => cell.ReplaceLineEndings(" "))]);
    }

    /// <param name="console">Where to write; its width is the width to fit.</param>
    /// <param name="wide">Shows every column whole, however wide the table gets.</param>
    /// <param name="wideOption">How the hint names the option that shows every column.</param>
    public void Write(IAnsiConsole console, bool wide, string wideOption)
    {
        var widths = columns.Select((column, index) => rows.Select(row => row[index].Length).Prepend(column.Header.Length).Max()).ToArray();
        var shown = Enumerable.Range(0, columns.Count).ToList();
        int? flexibleWidth = null;
        var available = console.Profile.Width;
        if (wide)
        {
            console.Profile.Width = Math.Max(available, TotalWidth(shown, widths, null));
        }
        else
        {
            while (TotalWidth(shown, widths, flexibleWidth) > available && shown.Count > 1)
            {
                var flexible = shown.FirstOrDefault(index => columns[index].Flexible, -1);
                var excess = TotalWidth(shown, widths, flexibleWidth) - available;
                if (flexible >= 0 && (flexibleWidth ?? widths[flexible]) - excess >= MinimumFlexibleWidth)
                {
                    flexibleWidth = (flexibleWidth ?? widths[flexible]) - excess;
                    break;
                }

                var leastImportant = shown.MaxBy(index => columns[index].Importance);
                shown.Remove(leastImportant);
                if (columns[leastImportant].Flexible)
                {
                    flexibleWidth = null;
                }
            }
        }

        console.Write(Render(shown, flexibleWidth));
        var hidden = columns.Where((_, index) => !shown.Contains(index)).Select(column => column.Header).ToList();
        if (hidden.Count > 0)
        {
            console.WriteLine($"Not shown at this width: {string.Join(", ", hidden)}; {wideOption} shows every column.");
        }
    }

    private int TotalWidth(List<int> shown, int[] widths, int? flexibleWidth) =>
        shown.Sum(index => (columns[index].Flexible && flexibleWidth is { } width ? width : widths[index]) + SpacePerColumn) + SpaceAtEdges;

    private Table Render(List<int> shown, int? flexibleWidth)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var index in shown)
        {
            var column = new TableColumn(columns[index].Header).NoWrap();
            if (columns[index].Flexible && flexibleWidth is { } width)
            {
                column.Width(width);
            }

            table.AddColumn(column);
        }

        foreach (var row in rows)
        {
            table.AddRow(shown.Select(index => (IRenderable)new Text(
                columns[index].Flexible && flexibleWidth is { } width ? Shorten(row[index], width) : row[index])));
        }

        return table;
    }

    /// <summary>Cut to <paramref name="width"/> characters, the last an ellipsis; Spectre would wrap the words instead.</summary>
    private static string Shorten(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private sealed record Column(string Header, int Importance, bool Flexible);
}
