namespace OrleansAI.Federation.Compression;

/// <summary>How an update's values are laid out on the wire (a byte in the header).</summary>
public enum UpdateEncoding : byte
{
    /// <summary>Every value as float32.</summary>
    DenseFloat32 = 0,

    /// <summary>Top-k positions (delta-encoded varints) and their float32 values.</summary>
    SparseFloat32 = 1,

    /// <summary>Every value as a stochastically rounded int8 with one float32 scale.</summary>
    DenseInt8 = 2,

    /// <summary>Top-k positions and int8 values with one scale.</summary>
    SparseInt8 = 3,
}
