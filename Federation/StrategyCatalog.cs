namespace OrleansAI.Federation;

/// <summary>Strategies by name for command lines: <c>fedavg</c>, <c>fedprox:MU</c>, <c>fedadam</c>, <c>fedyogi</c>, <c>fedadagrad</c>, <c>median</c>, <c>trimmed:BETA</c>, <c>krum:F</c>, <c>multikrum:F</c>, <c>clip:C</c>, <c>adaptiveclip</c>, <c>fltrust</c> (needs a root dataset).</summary>
public static class StrategyCatalog
{
    /// <summary>The strategy names, with their optional argument.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["fedavg", "fedprox:MU", "fedadam", "fedyogi", "fedadagrad", "median", "trimmed:BETA", "krum:F", "multikrum:F", "clip:C", "adaptiveclip", "fltrust"];

    /// <summary>Creates the named strategy; every client is sampled each round.</summary>
    public static IStrategy Create(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split(':', 2);
        double? argument = null;
        if (parts.Length == 2)
        {
            argument = double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new ArgumentException($"'{parts[1]}' is not a number.", nameof(spec));
        }

        var sampling = new SamplingOptions { FractionFit = 1, MinFitClients = 2 };
        var server = new ServerOptimizerOptions { ServerLearningRate = 0.01, Tau = 1e-3 };
        return parts[0] switch
        {
            "fedavg" => new FedAvg(sampling),
            "fedprox" => new FedProx(argument ?? 0.01, sampling),
            "fedadam" => new FedAdam(server, sampling),
            "fedyogi" => new FedYogi(server, sampling),
            "fedadagrad" => new FedAdagrad(server, sampling),
            "median" => new FedMedian(sampling),
            "trimmed" => new FedTrimmedAvg(argument ?? 0.2, sampling),
            "krum" => new Krum(Byzantine(argument, spec), 1, sampling),
            "multikrum" => new Krum(Byzantine(argument, spec), null, sampling),
            "clip" => new NormClipping(argument ?? 1.0, ClippingMode.Fixed, sampling: sampling),
            "adaptiveclip" => new NormClipping(argument ?? 1.0, ClippingMode.Adaptive, sampling: sampling),
            "fltrust" => new FlTrust(sampling),
            _ => throw new ArgumentException($"Unknown strategy '{spec}'; known: {string.Join(", ", Names)}.", nameof(spec)),
        };
    }

    // F counts clients: a fraction or an out-of-range number used to be cast to int, which truncated
    // 1.5 to 1 and saturated 1e10 to int.MaxValue, whose 2f + 3 wrapped and let a round reach Krum's
    // scoring with a negative neighbour count.
    private static int Byzantine(double? argument, string spec) => argument switch
    {
        null => 1,
        { } f when f >= 0 && f <= Krum.MaxByzantine && f == Math.Floor(f) => (int)f,
        { } f => throw new ArgumentException($"Krum's f must be a whole number from 0 to {Krum.MaxByzantine}, not {f.ToString(CultureInfo.InvariantCulture)} in '{spec}'.", nameof(spec)),
    };
}
