namespace OrleansAI.Federation;

/// <summary>A client that was asked to train but produced no usable result (timeout, error, disconnect).</summary>
/// <param name="ClientId">Who failed.</param>
/// <param name="Reason">Why, for logs and reputation.</param>
public sealed record ClientFailure(string ClientId, string Reason);
