namespace OrleansAI.Federation.Reputation;

/// <summary>
/// What each kind of observation counts for, as (successes, failures) added to a provider's Beta
/// evidence. Unreliability (a task not done) costs less than a wrong answer; a single agreement on
/// an inference comparison counts little, because they are many and cheap to give.
/// </summary>
public static class Evidence
{
    /// <summary>A training or evaluation result accepted by its round.</summary>
    public static readonly (double Successes, double Failures) ResultAccepted = (1, 0);

    /// <summary>A result refused: wrong signature, hash or bounds.</summary>
    public static readonly (double Successes, double Failures) ResultRefused = (0, 1);

    /// <summary>A task the provider reported it could not do, or let time out.</summary>
    public static readonly (double Successes, double Failures) TaskFailed = (0, 0.5);

    /// <summary>An inference answer that agreed with the majority of a comparison.</summary>
    public static readonly (double Successes, double Failures) InferenceAgreed = (0.05, 0);

    /// <summary>An inference answer outvoted by a majority.</summary>
    public static readonly (double Successes, double Failures) InferenceOutvoted = (0, 1);

    /// <summary>A federated update that was an outlier in its round: suspicion, which only costs reputation.</summary>
    public static readonly (double Successes, double Failures) Suspected = (0, 0.5);

    /// <summary>Proven fraud: signed wrong answers outvoted by at least two others (a fraud case).</summary>
    public static readonly (double Successes, double Failures) ProvenFraud = (0, 5);
}
