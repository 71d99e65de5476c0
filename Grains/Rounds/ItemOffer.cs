namespace OrleansAI.Grains.Rounds;

/// <summary>One data-parallel task to place: the item, why, who may take it, and where in that list to start.</summary>
/// <param name="Item">The work item (shard number).</param>
/// <param name="Role">Primary, replica, canary or replay.</param>
/// <param name="Eligible">Providers that may take it, in the order to try.</param>
/// <param name="Start">Index in <paramref name="Eligible"/> to try first (wraps around).</param>
internal sealed record ItemOffer(int Item, TaskRole Role, IReadOnlyList<string> Eligible, int Start);
