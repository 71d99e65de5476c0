namespace OrleansAI.Sdk.Providers;

/// <summary>An online provider as the API lists it.</summary>
/// <param name="Address">Ethereum address.</param>
/// <param name="Device">cpu or cuda.</param>
/// <param name="MemoryMb">Declared memory.</param>
/// <param name="Datasets">Datasets held.</param>
/// <param name="PricePerTask">Asking price per task.</param>
/// <param name="RunningTasks">Tasks in flight at its last refresh.</param>
/// <param name="Reputation">Its reputation as sampling uses it (docs/verification.md).</param>
/// <param name="SuspendedUntil">Proven fraud keeps it from new work until then; null when it is not suspended.</param>
public sealed record ProviderView(string Address, string Device, long MemoryMb, IReadOnlyList<string> Datasets, decimal PricePerTask, int RunningTasks, double Reputation, DateTimeOffset? SuspendedUntil);
