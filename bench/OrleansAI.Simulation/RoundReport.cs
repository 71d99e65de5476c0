namespace OrleansAI.Simulation;

/// <summary>What one simulated round did.</summary>
/// <param name="Round">Round number, from 1.</param>
/// <param name="Accuracy">Test accuracy of the global model after the round.</param>
/// <param name="LogLoss">Test log-loss after the round.</param>
/// <param name="UploadBytes">Bytes the clients uploaded this round (encoded updates).</param>
/// <param name="Used">Updates aggregated.</param>
/// <param name="Rejected">Updates the strategy refused.</param>
/// <param name="NewModel">Whether the round produced a new model.</param>
/// <param name="Seconds">Wall time of the round including evaluation.</param>
public sealed record RoundReport(int Round, double Accuracy, double LogLoss, long UploadBytes, int Used, int Rejected, bool NewModel, double Seconds);
