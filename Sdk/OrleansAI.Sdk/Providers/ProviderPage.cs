namespace OrleansAI.Sdk.Providers;

/// <summary>One page of online providers.</summary>
/// <param name="Items">The providers on this page.</param>
/// <param name="Total">Online providers in all.</param>
/// <param name="Skip">Providers skipped.</param>
/// <param name="Take">Page size asked for.</param>
public sealed record ProviderPage(IReadOnlyList<ProviderView> Items, int Total, int Skip, int Take);
