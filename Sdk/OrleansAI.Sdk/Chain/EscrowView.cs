namespace OrleansAI.Sdk.Chain;

/// <summary>A job's escrow as the chain mirror sees it, amounts in token wei (decimal strings).</summary>
/// <param name="EscrowJobId">The escrow's job id on chain.</param>
/// <param name="Client">The wallet that posted it.</param>
/// <param name="Token">The payment token.</param>
/// <param name="Budget">Posted budget.</param>
/// <param name="Paid">Paid to providers.</param>
/// <param name="Refunded">Refunded to the client.</param>
/// <param name="Remaining">Still held.</param>
/// <param name="Status">The escrow's status on chain.</param>
/// <param name="PaidTasks">Tasks paid.</param>
/// <param name="AsOfBlock">Every event below this block is reflected.</param>
public sealed record EscrowView(string EscrowJobId, string Client, string Token, string Budget, string Paid, string Refunded, string Remaining, string Status, int PaidTasks, ulong AsOfBlock);
