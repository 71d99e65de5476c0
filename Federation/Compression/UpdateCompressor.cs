namespace OrleansAI.Federation.Compression;

/// <summary>
/// A provider's side of update compression with error feedback: what compression drops this round
/// (top-k's unsent values and quantisation error) is kept as a residual and added to the next
/// round's change, so nothing is lost for good. One instance per provider and job.
/// </summary>
public sealed class UpdateCompressor(CompressionOptions options, Random random)
{
    private float[]? _residual;

    /// <summary>The options in force.</summary>
    public CompressionOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>What the compressor still owes the server (for tests and diagnostics).</summary>
    public ReadOnlySpan<float> Residual => _residual;

    /// <summary>Encodes the change <paramref name="delta"/> (local minus global parameters) for upload.</summary>
    public byte[] Encode(ReadOnlySpan<float> delta)
    {
        ArgumentNullException.ThrowIfNull(random);
        var length = delta.Length;
        var input = delta.ToArray();
        if (_residual is { } residual && residual.Length == length)
        {
            for (var i = 0; i < length; i++)
            {
                input[i] += residual[i];
            }
        }

        int[] positions = Options.TopKFraction is null ? [] : TopK.Select(input, Options.Keep(length));
        var selected = Options.TopKFraction is null ? input : positions.Select(p => input[p]).ToArray();
        var quantized = Options.QuantizeToInt8 ? new sbyte[selected.Length] : [];
        var scale = Options.QuantizeToInt8 ? StochasticQuantizer.Quantize(selected, quantized, random) : 0f;
        var bytes = UpdateCodec.Encode(Options.Encoding, length, positions, Options.QuantizeToInt8 ? [] : selected, quantized, scale);

        // The residual is exactly what the server will not see: input minus what it decodes.
        var sent = UpdateCodec.Decode(bytes, length);
        _residual = new float[length];
        for (var i = 0; i < length; i++)
        {
            _residual[i] = input[i] - sent[i];
        }

        return bytes;
    }
}
