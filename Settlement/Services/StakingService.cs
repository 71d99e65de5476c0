using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using OrleansAI.Settlement.Contracts.Staking;

namespace OrleansAI.Settlement.Services;

/// <summary>Calls on the Staking contract: providers' bonds, unbonding, slashing and slash disputes.</summary>
public sealed class StakingService(SettlementSigner signer, string contractAddress) : RoleManagedContractService(signer, contractAddress)
{

    /// <summary>Active (bonded) stake of a provider.</summary>
    public Task<BigInteger> StakeOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<StakeOfFunction, BigInteger>(ContractAddress, new StakeOfFunction { Provider = provider }, block);

    /// <summary>Whether a provider may bid (active stake ≥ minStake).</summary>
    public Task<bool> IsStakedQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<IsStakedFunction, bool>(ContractAddress, new IsStakedFunction { Provider = provider }, block);

    /// <summary>Amount unbonding and when it can be withdrawn.</summary>
    public Task<UnbondingOfOutputDTO> UnbondingOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryDtoAsync<UnbondingOfFunction, UnbondingOfOutputDTO>(ContractAddress, new UnbondingOfFunction { Provider = provider }, block);

    /// <summary>Active plus unbonding stake.</summary>
    public Task<BigInteger> SlashableOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<SlashableOfFunction, BigInteger>(ContractAddress, new SlashableOfFunction { Provider = provider }, block);

    /// <summary>The largest single slash allowed now.</summary>
    public Task<BigInteger> MaxSlashOfQueryAsync(string provider, BlockParameter? block = null) =>
        Signer.QueryAsync<MaxSlashOfFunction, BigInteger>(ContractAddress, new MaxSlashOfFunction { Provider = provider }, block);

    /// <summary>Sum of active stakes.</summary>
    public Task<BigInteger> TotalStakedQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<TotalStakedFunction, BigInteger>(ContractAddress, new TotalStakedFunction(), block);

    /// <summary>Minimum active stake to bid.</summary>
    public Task<BigInteger> MinStakeQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<MinStakeFunction, BigInteger>(ContractAddress, new MinStakeFunction(), block);

    /// <summary>Unbonding cooldown in seconds.</summary>
    public Task<BigInteger> UnbondingPeriodQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<UnbondingPeriodFunction, BigInteger>(ContractAddress, new UnbondingPeriodFunction(), block);

    /// <summary>Slashed funds an account can pull.</summary>
    public Task<BigInteger> ClaimableQueryAsync(string account, BlockParameter? block = null) =>
        Signer.QueryAsync<ClaimableFunction, BigInteger>(ContractAddress, new ClaimableFunction { Account = account }, block);

    /// <summary>Slashed funds held by slashes that are pending or disputed.</summary>
    public Task<BigInteger> TotalPendingSlashesQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<TotalPendingSlashesFunction, BigInteger>(ContractAddress, new TotalPendingSlashesFunction(), block);

    /// <summary>Seconds after a slash during which the provider may dispute it.</summary>
    public Task<BigInteger> DisputeWindowQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<DisputeWindowFunction, BigInteger>(ContractAddress, new DisputeWindowFunction(), block);

    /// <summary>The slash recorded under an evidence hash (status <see cref="SlashStatus.None"/> when there is none).</summary>
    public async Task<PendingSlashData> PendingSlashQueryAsync(Bytes32 evidenceHash, BlockParameter? block = null) =>
        (await Signer.QueryDtoAsync<PendingSlashFunction, PendingSlashOutputDTO>(
            ContractAddress, new PendingSlashFunction { EvidenceHash = evidenceHash.ToArray() }, block).ConfigureAwait(false)).Slash;

    /// <summary>Whether an evidence hash has been used for a slash; it stays used when the slash is restored.</summary>
    public Task<bool> EvidenceUsedQueryAsync(Bytes32 evidenceHash, BlockParameter? block = null) =>
        Signer.QueryAsync<EvidenceUsedFunction, bool>(ContractAddress, new EvidenceUsedFunction { EvidenceHash = evidenceHash.ToArray() }, block);

    /// <summary>The stake listener (Rewards once wired).</summary>
    public Task<string> StakeListenerQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<StakeListenerFunction, string>(ContractAddress, new StakeListenerFunction(), block);

    /// <summary>Bonds stake from the signer (approve Staking on the token first).</summary>
    public Task<TransactionReceipt> StakeRequestAndWaitForReceiptAsync(BigInteger amount, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new StakeFunction { Amount = amount }, cancellationToken);

    /// <summary>Starts unbonding part of the signer's active stake.</summary>
    public Task<TransactionReceipt> RequestUnbondRequestAndWaitForReceiptAsync(BigInteger amount, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new RequestUnbondFunction { Amount = amount }, cancellationToken);

    /// <summary>Withdraws the signer's unbonded stake after the cooldown.</summary>
    public Task<TransactionReceipt> WithdrawRequestAndWaitForReceiptAsync(CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new WithdrawFunction(), cancellationToken);

    /// <summary>Pulls slashed funds credited to the signer.</summary>
    public Task<TransactionReceipt> ClaimRequestAndWaitForReceiptAsync(CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new ClaimFunction(), cancellationToken);

    /// <summary>
    /// Slashes a provider (the signer needs SLASHER_ROLE). The stake is taken at once; the funds are held
    /// as a pending slash that the provider may dispute within the dispute window
    /// (<see cref="PendingSlashQueryAsync"/>), and reach the beneficiary only once final.
    /// </summary>
    /// <param name="provider">Provider to slash.</param>
    /// <param name="amount">At most <see cref="MaxSlashOfQueryAsync"/>.</param>
    /// <param name="evidenceHash">Hash of the off-chain evidence; each hash slashes once, which makes retries safe.</param>
    /// <param name="beneficiary">Credited with the amount once the slash is final; null credits the treasury.</param>
    /// <param name="cancellationToken">Stops waiting (the transaction may still be mined).</param>
    public Task<TransactionReceipt> SlashRequestAndWaitForReceiptAsync(
        string provider, BigInteger amount, Bytes32 evidenceHash, string? beneficiary, CancellationToken cancellationToken) =>
        Signer.SendAsync(
            ContractAddress,
            new SlashFunction { Provider = provider, Amount = amount, EvidenceHash = evidenceHash.ToArray(), Beneficiary = beneficiary ?? EthAddresses.Zero },
            cancellationToken);

    /// <summary>Disputes a pending slash of the signer's stake, up to its <see cref="PendingSlashData.DisputeUntil"/>.</summary>
    public Task<TransactionReceipt> DisputeSlashRequestAndWaitForReceiptAsync(Bytes32 evidenceHash, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new DisputeSlashFunction { EvidenceHash = evidenceHash.ToArray() }, cancellationToken);

    /// <summary>
    /// Decides a disputed slash (the signer needs ARBITER_ROLE): upheld gives the stake back to the
    /// provider; rejected credits the slash's recipient.
    /// </summary>
    public Task<TransactionReceipt> ResolveSlashDisputeRequestAndWaitForReceiptAsync(Bytes32 evidenceHash, bool upheld, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new ResolveSlashDisputeFunction { EvidenceHash = evidenceHash.ToArray(), Upheld = upheld }, cancellationToken);

    /// <summary>Credits an undisputed slash to its recipient once its dispute window has passed (any signer).</summary>
    public Task<TransactionReceipt> FinalizeSlashRequestAndWaitForReceiptAsync(Bytes32 evidenceHash, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new FinalizeSlashFunction { EvidenceHash = evidenceHash.ToArray() }, cancellationToken);

    /// <summary>Sets the dispute window for future slashes, at most 30 days (the signer needs GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetDisputeWindowRequestAndWaitForReceiptAsync(TimeSpan window, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetDisputeWindowFunction { NewWindow = new BigInteger((long)window.TotalSeconds) }, cancellationToken);

    /// <summary>Restores a disputed slash the arbiter did not rule on by its ruling deadline (anyone).</summary>
    public Task<TransactionReceipt> ResolveSlashDisputeByTimeoutRequestAndWaitForReceiptAsync(Bytes32 evidenceHash, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new ResolveSlashDisputeByTimeoutFunction { EvidenceHash = evidenceHash.ToArray() }, cancellationToken);

    /// <summary>Seconds the arbiter has to rule on a disputed slash.</summary>
    public Task<BigInteger> SlashRulingTimeoutQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<SlashRulingTimeoutFunction, BigInteger>(ContractAddress, new SlashRulingTimeoutFunction(), block);

    /// <summary>Sets the slash ruling timeout for future disputes, 1 to 90 days (GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetSlashRulingTimeoutRequestAndWaitForReceiptAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetSlashRulingTimeoutFunction { NewTimeout = new BigInteger((long)timeout.TotalSeconds) }, cancellationToken);

    /// <summary>Length of a provider's slash period in seconds.</summary>
    public Task<BigInteger> SlashPeriodQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<SlashPeriodFunction, BigInteger>(ContractAddress, new SlashPeriodFunction(), block);

    /// <summary>Most all slashes of a provider in one period may take, in bps of its stake when the period began.</summary>
    public Task<BigInteger> MaxPeriodSlashBpsQueryAsync(BlockParameter? block = null) =>
        Signer.QueryAsync<MaxPeriodSlashBpsFunction, BigInteger>(ContractAddress, new MaxPeriodSlashBpsFunction(), block);

    /// <summary>Sets the cumulative cap: at most <paramref name="maxBps"/> of a provider's stake per <paramref name="period"/> (GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetSlashPeriodCapRequestAndWaitForReceiptAsync(TimeSpan period, int maxBps, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetSlashPeriodCapFunction { NewPeriod = new BigInteger((long)period.TotalSeconds), NewMaxBps = maxBps }, cancellationToken);

    /// <summary>Whether slashes may credit <paramref name="destination"/> besides the treasury.</summary>
    public Task<bool> SlashDestinationAllowedQueryAsync(string destination, BlockParameter? block = null) =>
        Signer.QueryAsync<SlashDestinationAllowedFunction, bool>(ContractAddress, new SlashDestinationAllowedFunction { Destination = destination }, block);

    /// <summary>Allows or forbids a slash recipient besides the treasury (GOVERNOR_ROLE).</summary>
    public Task<TransactionReceipt> SetSlashDestinationRequestAndWaitForReceiptAsync(string destination, bool allowed, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetSlashDestinationFunction { Destination = destination, Allowed = allowed }, cancellationToken);

    /// <summary>Wires the stake listener (the signer needs DEFAULT_ADMIN_ROLE).</summary>
    public Task<TransactionReceipt> SetStakeListenerRequestAndWaitForReceiptAsync(string listener, CancellationToken cancellationToken) =>
        Signer.SendAsync(ContractAddress, new SetStakeListenerFunction { NewListener = listener }, cancellationToken);
}
