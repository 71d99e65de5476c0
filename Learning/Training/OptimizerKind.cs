namespace OrleansAI.Learning.Training;

/// <summary>The local optimiser a provider runs.</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent with optional momentum and weight decay.</summary>
    Sgd,

    /// <summary>Adam with optional (L2) weight decay.</summary>
    Adam,
}
