namespace OrleansAI.Bench;

/// <summary>The options after the benchmark's name: <c>--quick</c> and <c>--name value</c> pairs.</summary>
internal sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArgs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _values[name] = args[++i];
            }
            else
            {
                _values[name] = "true";
            }
        }
    }

    /// <summary>Short run (under two minutes) that still prints every figure.</summary>
    public bool Quick => Flag("quick");

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && v == "true";

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string String(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
}
