namespace OrleansAI.Node.Serving;

/// <summary>Answers exactly what the model computed.</summary>
public sealed class HonestInference : IInferenceConduct
{
    private HonestInference()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static HonestInference Instance { get; } = new();

    /// <inheritdoc />
    public void Answer(Span<float> scores, int rows, int width)
    {
    }
}
