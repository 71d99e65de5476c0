namespace OrleansAI.Settlement.Tests.Infrastructure;

/// <summary>
/// Test classes that move Anvil's clock, or that must act within an hour-long window (a job's or a
/// slash's dispute window) that such a move would close, run one at a time. Anvil has one clock for
/// every class, so a class advancing it past a window while another class is between opening that
/// window and acting in it fails the other; nothing outside this assembly moves the clock.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChainClockGroup
{
    /// <summary>The collection's name.</summary>
    public const string Name = "chain clock";
}
