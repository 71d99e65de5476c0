namespace OrleansAI.Federation.Verification;

/// <summary>How two replicas' outputs are compared when checking that they computed the same thing.</summary>
public enum ComparisonKind
{
    /// <summary>Outputs agree when every row has the same argmax index (a classifier's decision).</summary>
    Argmax,

    /// <summary>Outputs agree when no element differs by more than the rule's tolerance.</summary>
    MaxAbs,
}
