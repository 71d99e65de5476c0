using System.Collections.ObjectModel;

namespace OrleansAI.Federation.Privacy;

/// <summary>
/// An immutable Rényi-DP accountant for the sampled Gaussian mechanism: the history of steps taken
/// (each run with its own sampling rate q and noise multiplier σ) and their composed RDP at each
/// order. The same accountant serves sample-level DP-SGD on a node (q = batch/dataset, a step per
/// batch) and client-level DP-FedAvg at the aggregator (q = sampled clients/population, a step
/// per round). Composition is exact at a fixed order: RDP values simply add.
/// </summary>
public sealed class RdpAccountant
{
    private readonly double[] _rdp;

    /// <summary>An accountant with no steps at the default orders.</summary>
    public RdpAccountant()
        : this(RdpOrders.Default)
    {
    }

    /// <summary>An accountant with no steps at <paramref name="orders"/> (each &gt; 1).</summary>
    public RdpAccountant(IEnumerable<double> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var copy = orders.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one order is needed.", nameof(orders));
        }

        foreach (var alpha in copy)
        {
            if (double.IsNaN(alpha) || alpha <= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(orders), alpha, "RDP orders must be greater than 1.");
            }
        }

        Orders = Array.AsReadOnly(copy);
        History = ReadOnlyCollection<PrivacyStep>.Empty;
        _rdp = new double[copy.Length];
    }

    private RdpAccountant(IReadOnlyList<double> orders, IReadOnlyList<PrivacyStep> history, double[] rdp)
    {
        Orders = orders;
        History = history;
        _rdp = rdp;
    }

    /// <summary>The orders α at which the loss is tracked.</summary>
    public IReadOnlyList<double> Orders { get; }

    /// <summary>The runs of steps so far, oldest first; consecutive steps with equal (q, σ) share one entry.</summary>
    public IReadOnlyList<PrivacyStep> History { get; }

    /// <summary>The total number of steps taken.</summary>
    public long TotalSteps => History.Sum(s => s.Steps);

    /// <summary>The composed RDP at each of <see cref="Orders"/>.</summary>
    public IReadOnlyList<double> Rdp => Array.AsReadOnly(_rdp);

    /// <summary>
    /// This accountant after <paramref name="steps"/> more steps at sampling rate
    /// <paramref name="sampleRate"/> and noise multiplier <paramref name="noiseMultiplier"/>.
    /// </summary>
    public RdpAccountant Step(double sampleRate, double noiseMultiplier, long steps = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var added = SampledGaussianRdp.Compute(sampleRate, noiseMultiplier, steps, Orders);
        var rdp = new double[_rdp.Length];
        for (var k = 0; k < rdp.Length; k++)
        {
            rdp[k] = _rdp[k] + added[k];
        }

        var history = History.ToList();
        if (steps > 0)
        {
            // One entry per run keeps the history short over a long training job.
            if (history.Count > 0 && history[^1].SampleRate == sampleRate && history[^1].NoiseMultiplier == noiseMultiplier)
            {
                history[^1] = history[^1] with { Steps = history[^1].Steps + steps };
            }
            else
            {
                history.Add(new PrivacyStep(sampleRate, noiseMultiplier, steps));
            }
        }

        return new RdpAccountant(Orders, history.AsReadOnly(), rdp);
    }

    /// <summary>The (ε, δ) guarantee of the steps so far at <paramref name="delta"/>, with its optimal order.</summary>
    public PrivacySpent Spent(double delta) => RdpConversion.ToEpsilon(Orders, _rdp, delta);

    /// <summary>ε of the steps so far at <paramref name="delta"/>.</summary>
    public double Epsilon(double delta) => Spent(delta).Epsilon;

    /// <summary>
    /// The most further steps at (<paramref name="sampleRate"/>, <paramref name="noiseMultiplier"/>)
    /// that keep ε at <paramref name="delta"/> within <paramref name="epsilonBudget"/>: a job runs
    /// that many more and stops. 0 when the budget is already spent (or the next step would spend
    /// it); <see cref="long.MaxValue"/> when steps cost nothing (q = 0).
    /// </summary>
    public long StepsWithin(double sampleRate, double noiseMultiplier, double delta, double epsilonBudget)
    {
        if (double.IsNaN(epsilonBudget) || epsilonBudget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epsilonBudget), epsilonBudget, "The budget must be non-negative.");
        }

        var perStep = SampledGaussianRdp.Compute(sampleRate, noiseMultiplier, 1, Orders);
        var scratch = new double[_rdp.Length];
        bool Fits(long n)
        {
            for (var k = 0; k < scratch.Length; k++)
            {
                scratch[k] = _rdp[k] + perStep[k] * n;
            }

            return RdpConversion.ToEpsilon(Orders, scratch, delta).Epsilon <= epsilonBudget;
        }

        if (!Fits(0))
        {
            return 0;
        }

        if (perStep.All(r => r == 0))
        {
            return long.MaxValue;
        }

        // ε grows with the steps, so double until it no longer fits, then bisect the integers.
        long fits = 0;
        long fails = 1;
        while (Fits(fails))
        {
            fits = fails;
            if (fails > long.MaxValue / 2)
            {
                return long.MaxValue;
            }

            fails *= 2;
        }

        while (fails - fits > 1)
        {
            var mid = fits + (fails - fits) / 2;
            if (Fits(mid))
            {
                fits = mid;
            }
            else
            {
                fails = mid;
            }
        }

        return fits;
    }
}
