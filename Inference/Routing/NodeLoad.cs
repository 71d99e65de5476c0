namespace OrleansAI.Inference.Routing;

/// <summary>What the router knows about one node when choosing where to send a request.</summary>
/// <param name="Index">The node's index in the caller's list, returned by <see cref="NodeChoice"/>.</param>
/// <param name="Outstanding">Requests sent to the node and not yet answered.</param>
/// <param name="Price">The node's price per request; cheaper wins ties.</param>
/// <param name="Healthy">Whether the node may receive requests at all.</param>
public readonly record struct NodeLoad(int Index, int Outstanding, decimal Price, bool Healthy);
