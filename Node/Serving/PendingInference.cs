namespace OrleansAI.Node.Serving;

/// <summary>One queued call: its input rows, its deadline and where the answer goes.</summary>
/// <param name="Input">Row-major float32 bytes, <paramref name="Rows"/> rows.</param>
/// <param name="Rows">Rows in the call.</param>
/// <param name="DeadlineTicks">When the caller stops waiting, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Completion">Receives the output rows (float32 bytes) or the failure.</param>
public sealed record PendingInference(ReadOnlyMemory<byte> Input, int Rows, long DeadlineTicks, TaskCompletionSource<byte[]> Completion);
