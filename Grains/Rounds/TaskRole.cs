namespace OrleansAI.Grains.Rounds;

/// <summary>Why a data-parallel task was handed out. The provider cannot tell them apart: every task of an item is identical.</summary>
[GenerateSerializer, Alias("OrleansAI.TaskRole")]
public enum TaskRole
{
    /// <summary>The item's work.</summary>
    Primary = 0,

    /// <summary>The same work given to another provider (redundant execution).</summary>
    Replica = 1,

    /// <summary>The same work run by the platform's verifier, chosen at random (a canary).</summary>
    Canary = 2,

    /// <summary>The same work run by the platform's verifier because a result was flagged or disputed.</summary>
    Replay = 3,

    /// <summary>Federated: the platform's verifier training the round's model on the job's root dataset (the FLTrust reference).</summary>
    Root = 4,
}
