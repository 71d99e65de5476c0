namespace OrleansAI.Node.Simulation;

/// <summary>A dishonest server: each row's scores reversed, so the predicted class moves.</summary>
public sealed class LyingAnswers : IInferenceConduct
{
    private LyingAnswers()
    {
    }

    /// <summary>The one instance; it holds no state.</summary>
    public static LyingAnswers Instance { get; } = new();

    /// <inheritdoc />
    public void Answer(Span<float> scores, int rows, int width)
    {
        for (var r = 0; r < rows; r++)
        {
            scores.Slice(r * width, width).Reverse();
        }
    }
}
