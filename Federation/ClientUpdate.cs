namespace OrleansAI.Federation;

/// <summary>One provider's result for a round: its new local parameters and how many examples produced them.</summary>
/// <param name="ClientId">Who sent it (a provider address).</param>
/// <param name="Parameters">The full flat parameter vector after local training (not a difference).</param>
/// <param name="Examples">Examples the client trained on; FedAvg weighs by it.</param>
/// <param name="BaseRound">The round whose global model the client started from; asynchronous strategies derive staleness from it.</param>
public sealed record ClientUpdate(string ClientId, float[] Parameters, long Examples, int BaseRound = 0);
