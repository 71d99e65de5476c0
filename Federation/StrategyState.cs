using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace OrleansAI.Federation;

/// <summary>
/// What a strategy carries from one round to the next — FedAdam/Yogi/Adagrad's moments, adaptive
/// clipping's norm — as bytes, so a coordinator that builds a fresh strategy each round (and may run
/// each round on another machine) can hand it on. Format: <c>"OASS"</c>, version 1, kind (1 moments,
/// 2 clip norm), then for moments the length (u32) and the two float32 vectors, for the clip norm
/// one float64; little-endian. Reading checks every field.
/// </summary>
public static class StrategyState
{
    /// <summary>Current format version.</summary>
    public const byte Version = 1;

    private const byte Moments = 1;
    private const byte ClipNorm = 2;

    private static ReadOnlySpan<byte> Magic => "OASS"u8;

    /// <summary>The strategy's state, or null when it has none (stateless, or nothing aggregated yet).</summary>
    public static byte[]? Export(IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        switch (strategy)
        {
            case FedOpt { State: { } state }:
            {
                var n = state.M.Length;
                var bytes = new byte[10 + 8 * n];
                Header(bytes, Moments);
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(6), (uint)n);
                MemoryMarshal.AsBytes(state.M.AsSpan()).CopyTo(bytes.AsSpan(10));
                MemoryMarshal.AsBytes(state.V.AsSpan()).CopyTo(bytes.AsSpan(10 + 4 * n));
                return bytes;
            }

            case NormClipping { Mode: ClippingMode.Adaptive } clip:
                return ClipNormState(clip.ClipNorm);

            case Privacy.DpFedAvg { Options.AdaptiveClipping: true } dp:
                return ClipNormState(dp.ClipNorm);

            default:
                return null;
        }
    }

    /// <summary>Restores state exported from the same kind of strategy; throws <see cref="InvalidDataException"/> for anything else.</summary>
    public static void Import(IStrategy strategy, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (bytes.Length < 6 || !bytes[..4].SequenceEqual(Magic) || bytes[4] != Version)
        {
            throw new InvalidDataException("Not strategy state of a supported version.");
        }

        switch (bytes[5], strategy)
        {
            case (Moments, FedOpt opt):
            {
                var n = bytes.Length >= 10 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[6..]) : uint.MaxValue;
                if (n > int.MaxValue / 8 || bytes.Length != 10 + 8L * n)
                {
                    throw new InvalidDataException("The moments' length does not match the state's size.");
                }

                var m = MemoryMarshal.Cast<byte, float>(bytes.Slice(10, 4 * (int)n)).ToArray();
                var v = MemoryMarshal.Cast<byte, float>(bytes.Slice(10 + 4 * (int)n, 4 * (int)n)).ToArray();
                if (!m.All(float.IsFinite) || !v.All(x => float.IsFinite(x) && x >= 0))
                {
                    throw new InvalidDataException("The moments hold non-finite or negative values.");
                }

                opt.State = (m, v);
                return;
            }

            case (ClipNorm, NormClipping { Mode: ClippingMode.Adaptive } clip):
                clip.ClipNorm = ReadClipNorm(bytes);
                return;

            case (ClipNorm, Privacy.DpFedAvg { Options.AdaptiveClipping: true } dp):
                dp.ClipNorm = ReadClipNorm(bytes);
                return;

            default:
                throw new InvalidDataException($"State of kind {bytes[5]} does not belong to a {strategy.Name} strategy.");
        }
    }

    // An adaptive bound: the one number a clipping strategy carries from round to round.
    private static byte[] ClipNormState(double norm)
    {
        var bytes = new byte[14];
        Header(bytes, ClipNorm);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(6), norm);
        return bytes;
    }

    private static double ReadClipNorm(ReadOnlySpan<byte> bytes)
    {
        var norm = bytes.Length == 14 ? BinaryPrimitives.ReadDoubleLittleEndian(bytes[6..]) : double.NaN;
        return double.IsFinite(norm) && norm > 0 ? norm : throw new InvalidDataException("The clip norm is not a positive number.");
    }

    private static void Header(Span<byte> bytes, byte kind)
    {
        Magic.CopyTo(bytes);
        bytes[4] = Version;
        bytes[5] = kind;
    }
}
