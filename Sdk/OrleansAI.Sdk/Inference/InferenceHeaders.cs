namespace OrleansAI.Sdk.Inference;

/// <summary>HTTP headers of the Open Inference Protocol, shared by the Api and this client.</summary>
public static class InferenceHeaders
{
    /// <summary>The binary tensor extension: the length of the JSON header before the raw tensor bytes.</summary>
    public const string HeaderContentLength = "Inference-Header-Content-Length";
}
