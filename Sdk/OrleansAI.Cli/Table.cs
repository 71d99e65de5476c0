namespace OrleansAI.Cli;

/// <summary>Left-aligned text columns, sized to their widest cell.</summary>
internal static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    /// <summary>A share as a percentage with one decimal, or '-'.</summary>
    public static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";

    /// <summary>A number with up to four decimals, or '-'.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    /// <summary>An invariant integer.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
