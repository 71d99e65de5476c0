namespace OrleansAI.Learning.Training;

/// <summary>Where training runs.</summary>
public enum ComputeDevice
{
    /// <summary>CUDA when LibTorch sees a GPU, otherwise the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; fails when none is available.</summary>
    Cuda,
}
