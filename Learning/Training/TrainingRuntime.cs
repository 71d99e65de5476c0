namespace OrleansAI.Learning.Training;

/// <summary>
/// Names the runtime a provider trains with, so the platform knows whether two results of the same
/// task must be bit-identical (same deterministic runtime) or only close (anything else). Providers
/// declare it with every result; the string is what comparisons key on, so it names everything that
/// changes rounding: the library build, the device and the thread count.
/// </summary>
public static class TrainingRuntime
{
    /// <summary>The runtime string for runs with <paramref name="options"/> on this build.</summary>
    public static string Describe(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var device = TorchDevices.Resolve(options.Deterministic && options.Device == ComputeDevice.Auto ? ComputeDevice.Cpu : options.Device);
        var library = $"torchsharp-{typeof(TorchSharp.torch).Assembly.GetName().Version}";
        if (device.type != TorchSharp.DeviceType.CPU)
        {
            return $"{library}/{device.type.ToString().ToLowerInvariant()}";
        }

        // Kernels are chosen by instruction set, so bit-reproducibility holds only within one.
        var isa = System.Runtime.Intrinsics.X86.Avx512F.IsSupported ? "avx512"
            : System.Runtime.Intrinsics.X86.Avx2.IsSupported ? "avx2"
            : System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "neon"
            : "generic";
        return options.Deterministic
            ? $"{library}/cpu-{isa}/threads=1/deterministic"
            : $"{library}/cpu-{isa}/threads={options.Threads?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto"}";
    }
}
