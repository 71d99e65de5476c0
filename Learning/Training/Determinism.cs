namespace OrleansAI.Learning.Training;

/// <summary>
/// LibTorch's random generator and thread count are process-wide, so deterministic work (seeded
/// initialisation, bit-identical training) runs one at a time under this lock.
/// </summary>
internal static class Determinism
{
    public static readonly Lock Gate = new();
}
