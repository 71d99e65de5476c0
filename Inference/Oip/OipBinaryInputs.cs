using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace OrleansAI.Inference.Oip;

/// <summary>Reads binary tensor data extension inputs: raw little-endian elements of the declared datatype, or length-prefixed BYTES elements.</summary>
internal static class OipBinaryInputs
{
    internal static float[] ReadBinary(ReadOnlySpan<byte> bytes, InputDraft input, OipDatatype type)
    {
        var width = OipDatatypes.ByteSize(type);
        if (bytes.Length != (long)input.Elements * width)
        {
            throw new OipRequestException(
                $"{input.Field}.parameters.binary_data_size is {bytes.Length}; shape {OipJson.Format(input.Shape!)} of {OipDatatypes.Name(type)} needs {(long)input.Elements * width} bytes");
        }

        var values = new float[input.Elements];
        if (type == OipDatatype.Fp32 && BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
            return values;
        }

        for (var i = 0; i < values.Length; i++)
        {
            var element = bytes.Slice(i * width, width);
            values[i] = type switch
            {
                OipDatatype.Bool => element[0] <= 1
                    ? element[0]
                    : throw new OipRequestException($"{input.Field} binary element {i} is {element[0]}; BOOL must be 0 or 1"),
                OipDatatype.Uint8 => element[0],
                OipDatatype.Int8 => (sbyte)element[0],
                OipDatatype.Uint16 => BinaryPrimitives.ReadUInt16LittleEndian(element),
                OipDatatype.Int16 => BinaryPrimitives.ReadInt16LittleEndian(element),
                OipDatatype.Uint32 => BinaryPrimitives.ReadUInt32LittleEndian(element),
                OipDatatype.Int32 => BinaryPrimitives.ReadInt32LittleEndian(element),
                OipDatatype.Uint64 => BinaryPrimitives.ReadUInt64LittleEndian(element),
                OipDatatype.Int64 => BinaryPrimitives.ReadInt64LittleEndian(element),
                OipDatatype.Fp16 => (float)BinaryPrimitives.ReadHalfLittleEndian(element),
                OipDatatype.Fp32 => BinaryPrimitives.ReadSingleLittleEndian(element),
                OipDatatype.Fp64 => (float)BinaryPrimitives.ReadDoubleLittleEndian(element),
                _ => throw new InvalidOperationException($"Unexpected datatype {type}."),
            };
        }

        return values;
    }

    /// <summary>Walks binary BYTES elements (a 4-byte little-endian length, then the bytes) to check their count and framing.</summary>
    internal static float[] CheckBinaryStrings(ReadOnlySpan<byte> bytes, InputDraft input)
    {
        var count = 0L;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (bytes.Length - offset < 4)
            {
                throw new OipRequestException($"{input.Field} binary element {count} is cut short in its length prefix");
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
            offset += 4;
            if (length > (uint)(bytes.Length - offset))
            {
                throw new OipRequestException($"{input.Field} binary element {count} declares {length} bytes but only {bytes.Length - offset} remain");
            }

            offset += (int)length;
            count++;
        }

        return count == input.Elements
            ? []
            : throw new OipRequestException($"{input.Field} has {count} binary BYTES elements; shape {OipJson.Format(input.Shape!)} needs {input.Elements}");
    }
}
