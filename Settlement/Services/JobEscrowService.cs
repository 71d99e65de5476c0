using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.JobEscrow;

namespace OrleansAI.Settlement.Services;

/// <summary>Calls on the JobEscrow contract: jobs, bids, per-task payments, disputes, withdrawals.</summary>
public sealed class JobEscrowService(SettlementSigner signer, string contractAddress) : RoleManagedContractService(signer, contractAddress)
{

    /// <summary>The signer these calls are sent from.</summary>
    public string SignerAddress => Signer.Address;

    /// <summary>The stored job (status <see cref="JobStatus.None"/> when there is none).</summary>
    public async Task<JobData> GetJobQueryAsync(Bytes32 jobId, BlockParameter? block = null) =>
        (await Signer.QueryDtoAsync<GetJobFunction, GetJobOutputDTO>(ContractAddress, new GetJobFunction { JobId = jobId.ToArray() }, block)
            .ConfigureAwait(false)).Job;

    /// <summary>Escrow left in a job.</summary>
    public Task<BigInteger> RemainingOfQueryAsync(Bytes32 jobId, BlockParameter? block = null) =>
        Signer.QueryAsync<RemainingOfFunction, BigInteger>(ContractAddress, new RemainingOfFunction { JobId = jobId.ToArray() }, block);

    /// <summary>Whether a task has been paid: the on-chain idempotency record for payouts.</summary>
    public Task<bool> TaskPaidQueryAsync(Bytes32 jobId, Bytes32 taskId, BlockParameter? block = null) =>
        Signer.QueryAsync<TaskPaidFunction, bool>(ContractAddress, new TaskPaidFunction { JobId = jobId.ToArray(), TaskId = taskId.ToArray() }, block);

    /// <summary>Net amount credited to a provider for a job.</summary>
    public Task<BigInteger> PaidToQueryAsync(Bytes32 jobId, string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<PaidToFunction, BigInteger>(ContractAddress, new PaidToFunction { JobId = jobId.ToArray(), Provider = provider }, block);

    /// <summary>A provider's bid for a job (0 for none).</summary>
    public Task<BigInteger> BidOfQueryAsync(Bytes32 jobId, string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<BidOfFunction, BigInteger>(ContractAddress, new BidOfFunction { JobId = jobId.ToArray(), Provider = provider }, block);

    /// <summary>Balance of a token an account can withdraw.</summary>
    public Task<BigInteger> ClaimableQueryAsync(string token, string account, BlockParameter? block = null) =>
        Signer.QueryAsync<ClaimableFunction, BigInteger>(ContractAddress, new ClaimableFunction { Token = token, Account = account }, block);

    /// <summary>Sum of the remaining budgets in a token.</summary>
    public Task<BigInteger> TotalEscrowedQueryAsync(string token, BlockParameter? block = null) =>
        Signer.QueryAsync<TotalEscrowedFunction, BigInteger>(ContractAddress, new TotalEscrowedFunction { Token = token }, block);

    /// <summary>Platform fee in bps.</summary>
    public Task<BigInteger> FeeBpsQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<FeeBpsFunction, BigInteger>(ContractAddress, new FeeBpsFunction(), block);

    /// <summary>Dispute window in seconds.</summary>
    public Task<BigInteger> DisputeWindowQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<DisputeWindowFunction, BigInteger>(ContractAddress, new DisputeWindowFunction(), block);

    /// <summary>Posts and funds a job from the signer (approve the escrow on the token first).</summary>
    public Task<TransactionReceipt> PostJobRequestAndWaitForReceiptAsync(
        Bytes32 jobId, Bytes32 specHash, string token, BigInteger budget, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new PostJobFunction
            {
                JobId = jobId.ToArray(),
                SpecHash = specHash.ToArray(),
                Token = token,
                Budget = budget,
                Deadline = deadline.ToUnixTimeSeconds(),
            },
            cancellationToken);

    /// <summary>Bids for a job as the signer (a staked provider).</summary>
    public Task<TransactionReceipt> PlaceBidRequestAndWaitForReceiptAsync(Bytes32 jobId, BigInteger pricePerTask, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new PlaceBidFunction { JobId = jobId.ToArray(), PricePerTask = pricePerTask }, cancellationToken);

    /// <summary>
    /// Pays one task (the signer needs PLATFORM_ROLE). Prefer <see cref="Payouts.PayoutBatcher"/>,
    /// which checks <see cref="TaskPaidQueryAsync"/> first and reports a repeat as already paid.
    /// </summary>
    public Task<TransactionReceipt> ReleasePaymentRequestAndWaitForReceiptAsync(
        Bytes32 jobId, Bytes32 taskId, string provider, BigInteger amount, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, ReleasePayment(jobId, taskId, provider, amount), cancellationToken);

    /// <summary>Sends a prepared <c>releasePayment</c> as is (e.g. with an explicit gas limit, which skips the simulation).</summary>
    public Task<TransactionReceipt> ReleasePaymentRequestAndWaitForReceiptAsync(ReleasePaymentFunction message, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, message, cancellationToken);

    /// <summary>
    /// Starts a job whose work ends by <paramref name="jobDeadline"/> (PLATFORM_ROLE): locks the escrow
    /// (no cancel, no close before the escrow deadline) and allows payments. Reverts with
    /// <c>EscrowDeadlineTooEarly</c> unless the escrow deadline is at least the job deadline plus
    /// <see cref="SettlementWindowQueryAsync"/>.
    /// </summary>
    public Task<TransactionReceipt> StartJobRequestAndWaitForReceiptAsync(Bytes32 jobId, DateTimeOffset jobDeadline, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new StartJobFunction { JobId = jobId.ToArray(), JobDeadline = jobDeadline.ToUnixTimeSeconds() }, cancellationToken);

    /// <summary>Seconds an escrow must outlast its job's deadline for the job to start.</summary>
    public Task<BigInteger> SettlementWindowQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<SettlementWindowFunction, BigInteger>(ContractAddress, new SettlementWindowFunction(), block);

    /// <summary>Seconds the arbiter has to rule on a job dispute.</summary>
    public Task<BigInteger> DisputeRulingTimeoutQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<DisputeRulingTimeoutFunction, BigInteger>(ContractAddress, new DisputeRulingTimeoutFunction(), block);

    /// <summary>Sets the settlement window for jobs started afterwards, 1 hour to 30 days (GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetSettlementWindowRequestAndWaitForReceiptAsync(TimeSpan window, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetSettlementWindowFunction { NewWindow = new BigInteger((long)window.TotalSeconds) }, cancellationToken);

    /// <summary>Sets the ruling timeout for disputes raised afterwards, 1 to 90 days (GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetDisputeRulingTimeoutRequestAndWaitForReceiptAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetDisputeRulingTimeoutFunction { NewTimeout = new BigInteger((long)timeout.TotalSeconds) }, cancellationToken);

    /// <summary>Settles a dispute the arbiter did not rule on in time (anyone): the provider keeps what it was paid, the remainder goes to the client.</summary>
    public Task<TransactionReceipt> ResolveDisputeByTimeoutRequestAndWaitForReceiptAsync(Bytes32 jobId, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new ResolveDisputeByTimeoutFunction { JobId = jobId.ToArray() }, cancellationToken);

    /// <summary>Marks a job complete (PLATFORM_ROLE): starts the dispute window, stops payments.</summary>
    public Task<TransactionReceipt> CompleteJobRequestAndWaitForReceiptAsync(Bytes32 jobId, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new CompleteJobFunction { JobId = jobId.ToArray() }, cancellationToken);

    /// <summary>Cancels an open job the platform has not started (the client).</summary>
    public Task<TransactionReceipt> CancelJobRequestAndWaitForReceiptAsync(Bytes32 jobId, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new CancelJobFunction { JobId = jobId.ToArray() }, cancellationToken);

    /// <summary>Credits a job's remainder to its client (anyone, once closable).</summary>
    public Task<TransactionReceipt> CloseJobRequestAndWaitForReceiptAsync(Bytes32 jobId, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new CloseJobFunction { JobId = jobId.ToArray() }, cancellationToken);

    /// <summary>Raises a dispute on a completed job (the client, or a paid provider for itself).</summary>
    public Task<TransactionReceipt> RaiseDisputeRequestAndWaitForReceiptAsync(
        Bytes32 jobId, string? provider, Bytes32 reasonHash, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new RaiseDisputeFunction { JobId = jobId.ToArray(), Provider = provider ?? EthAddresses.Zero, ReasonHash = reasonHash.ToArray() },
            cancellationToken);

    /// <summary>Resolves a job's open dispute (the signer needs ARBITER_ROLE).</summary>
    public Task<TransactionReceipt> ResolveDisputeRequestAndWaitForReceiptAsync(
        Bytes32 jobId, BigInteger providerAward, BigInteger clientRefund, BigInteger clawback, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new ResolveDisputeFunction { JobId = jobId.ToArray(), ProviderAward = providerAward, ClientRefund = clientRefund, Clawback = clawback },
            cancellationToken);

    /// <summary>Withdraws the signer's claimable balance of a token.</summary>
    public Task<TransactionReceipt> WithdrawRequestAndWaitForReceiptAsync(string token, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new WithdrawFunction { Token = token }, cancellationToken);

    /// <summary>Builds a <c>releasePayment</c> message.</summary>
    public static ReleasePaymentFunction ReleasePayment(Bytes32 jobId, Bytes32 taskId, string provider, BigInteger amount) =>
        new() { JobId = jobId.ToArray(), TaskId = taskId.ToArray(), Provider = provider, Amount = amount };
}
