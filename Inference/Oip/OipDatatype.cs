using System.Diagnostics.CodeAnalysis;

namespace OrleansAI.Inference.Oip;

/// <summary>The tensor element types of the Open Inference Protocol (KServe v2).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members mirror the protocol's datatype names (UINT8, INT32, …).")]
public enum OipDatatype
{
    /// <summary>BOOL: true or false; one byte (1 or 0) in binary.</summary>
    Bool,

    /// <summary>UINT8.</summary>
    Uint8,

    /// <summary>UINT16.</summary>
    Uint16,

    /// <summary>UINT32.</summary>
    Uint32,

    /// <summary>UINT64.</summary>
    Uint64,

    /// <summary>INT8.</summary>
    Int8,

    /// <summary>INT16.</summary>
    Int16,

    /// <summary>INT32.</summary>
    Int32,

    /// <summary>INT64.</summary>
    Int64,

    /// <summary>FP16: IEEE half precision.</summary>
    Fp16,

    /// <summary>FP32: IEEE single precision.</summary>
    Fp32,

    /// <summary>FP64: IEEE double precision.</summary>
    Fp64,

    /// <summary>BYTES: strings in JSON; each element a 4-byte length then its bytes in binary.</summary>
    Bytes,
}
