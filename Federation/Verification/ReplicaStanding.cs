namespace OrleansAI.Federation.Verification;

/// <summary>Where one result of a replicated training task stands after the comparison.</summary>
public enum ReplicaStanding
{
    /// <summary>Nobody else ran the task: accepted on trust (and the round's screen).</summary>
    Unchecked = 0,

    /// <summary>It agrees with the platform's verifier, or every other result agrees with it.</summary>
    Agreed = 1,

    /// <summary>It disagrees with the platform's verifier, or at least two agreeing results that form a majority outvote it: proof.</summary>
    ProvenWrong = 2,

    /// <summary>The results disagree and nothing decides between them yet (a tie, or the verifier has still to answer).</summary>
    Unresolved = 3,
}
