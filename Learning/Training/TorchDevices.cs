using static TorchSharp.torch;

namespace OrleansAI.Learning.Training;

/// <summary>Turns a <see cref="ComputeDevice"/> choice into a LibTorch device.</summary>
public static class TorchDevices
{
    /// <summary>The device to use; throws when CUDA is demanded but absent.</summary>
    public static Device Resolve(ComputeDevice device) => device switch
    {
        ComputeDevice.Cpu => CPU,
        ComputeDevice.Cuda when cuda.is_available() => CUDA,
        ComputeDevice.Cuda => throw new InvalidOperationException("CUDA was requested but LibTorch sees no CUDA device."),
        _ => cuda.is_available() ? CUDA : CPU,
    };
}
