namespace OrleansAI.Federation.Robust;

/// <summary>How the clipping bound is chosen.</summary>
public enum ClippingMode
{
    /// <summary>A fixed bound on each update's norm.</summary>
    Fixed,

    /// <summary>The bound follows a target quantile of the update norms (Andrew et al., 2021).</summary>
    Adaptive,
}
