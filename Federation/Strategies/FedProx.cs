namespace OrleansAI.Federation.Strategies;

/// <summary>
/// FedProx (Li et al., 2020): the server aggregates as FedAvg; the difference is the proximal term
/// μ/2·‖w − w_global‖² that clients add locally, sent to them as <c>proximal_mu</c>.
/// </summary>
public sealed class FedProx : FedAvg
{
    /// <summary>Creates the strategy with proximal weight <paramref name="mu"/>.</summary>
    public FedProx(double mu, SamplingOptions? sampling = null)
        : base(sampling)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mu);
        Mu = mu;
    }

    /// <summary>The proximal weight μ.</summary>
    public double Mu { get; }

    /// <inheritdoc />
    public override string Name => "fedprox";

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, double> FitConfig(int round) =>
        new Dictionary<string, double>(StringComparer.Ordinal) { ["proximal_mu"] = Mu };

    /// <inheritdoc />
    public override string ToString() => $"fedprox(mu={Mu.ToString(CultureInfo.InvariantCulture)})";
}
