namespace OrleansAI.Settlement;

/// <summary>One transaction a <see cref="SettlementSigner"/> signed.</summary>
/// <param name="Signer">The key's address.</param>
/// <param name="Function">The contract function (or <c>Name.constructor</c>).</param>
/// <param name="Contract">The contract called; null for a deployment.</param>
/// <param name="Hash">The transaction hash.</param>
public sealed record SignedTransaction(string Signer, string Function, string? Contract, string Hash);
