using System.Collections.ObjectModel;

namespace OrleansAI.Federation.Privacy;

/// <summary>The Rényi orders α at which the accountant tracks privacy loss.</summary>
public static class RdpOrders
{
    /// <summary>
    /// 1.1, 1.2, …, 10.9 and 12, 13, …, 63: the set Opacus' RDP accountant uses. Fine steps near 1
    /// matter for large budgets (the optimum moves towards α → 1 as ε grows), integers up to 63
    /// for small ones; 151 orders keep an evaluation cheap enough to bisect over.
    /// </summary>
    public static IReadOnlyList<double> Default { get; } = Build();

    private static ReadOnlyCollection<double> Build()
    {
        var orders = new List<double>(151);
        for (var x = 1; x < 100; x++)
        {
            orders.Add(1 + x / 10.0);
        }

        for (var a = 12; a < 64; a++)
        {
            orders.Add(a);
        }

        return orders.AsReadOnly();
    }
}
