namespace OrleansAI.Sdk.Models;

/// <summary>A node asked to hold a deployed model, with the state it last reported.</summary>
/// <param name="Address">The provider's address.</param>
/// <param name="State">What it reported (for example loaded or failed).</param>
/// <param name="Detail">Why, if it said.</param>
/// <param name="UpdatedUtc">When it reported.</param>
public sealed record ServingNode(string Address, string State, string Detail, DateTimeOffset UpdatedUtc);
