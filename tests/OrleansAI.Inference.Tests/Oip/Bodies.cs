using System.Text;

namespace OrleansAI.Inference.Tests.Oip;

/// <summary>Request bodies for tests: JSON written with single quotes for readability, and binary-extension bodies.</summary>
internal static class Bodies
{
    /// <summary>UTF-8 bytes of <paramref name="json"/> with every ' turned into ".</summary>
    public static byte[] Json(string json) => Encoding.UTF8.GetBytes(json.Replace('\'', '"'));

    /// <summary>A JSON header followed by binary sections, with the header's length for Inference-Header-Content-Length.</summary>
    public static (byte[] Body, int HeaderLength) WithBinary(string json, params byte[][] sections)
    {
        var header = Json(json);
        return ([.. header, .. sections.SelectMany(s => s)], header.Length);
    }

    /// <summary>A single-input request of the given datatype and shape with the data written as given.</summary>
    public static byte[] Single(string datatype, string shape, string data) =>
        Json($"{{'inputs':[{{'name':'x','shape':{shape},'datatype':'{datatype}','data':{data}}}]}}");
}
