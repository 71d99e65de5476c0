namespace OrleansAI.Node.Serving;

/// <summary>What a serving node answers, given the scores its model computed; <see cref="HonestInference"/> answers them unchanged.</summary>
public interface IInferenceConduct
{
    /// <summary>
    /// Turns one call's computed scores (<paramref name="rows"/> rows of <paramref name="width"/>
    /// values, row-major) into its answer, in place.
    /// </summary>
    void Answer(Span<float> scores, int rows, int width);
}
