namespace OrleansAI.Models.Specs;

/// <summary>Whether a tensor is learned by gradient descent or tracked statistics.</summary>
public enum ParameterRole
{
    /// <summary>Learned by the optimiser (weights and biases).</summary>
    Trainable,

    /// <summary>Updated during training but not by gradients (batch-norm running statistics).</summary>
    Buffer,
}
