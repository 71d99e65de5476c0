using System.Collections.Frozen;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using OrleansAI.Settlement.Contracts.JobEscrow;
using OrleansAI.Settlement.Contracts.ModelRegistry;
using OrleansAI.Settlement.Contracts.Staking;
using OrleansAI.Settlement.Deployment;

namespace OrleansAI.Settlement.Indexing;

/// <summary>
/// Reads the platform contracts' events by block range into in-memory mirrors: stakes per provider
/// (<see cref="Stakes"/>), escrow per job (<see cref="Escrow"/>) and licences (<see cref="Licenses"/>).
/// </summary>
/// <remarks>
/// <para>
/// Polling by range (<c>eth_getLogs</c> from <see cref="NextBlock"/> to the head, in chunks of
/// <see cref="ChainIndexerOptions.MaxBlockRange"/>) needs no filter state on the node, so it
/// survives node restarts and works against any provider; one call covers all three contracts.
/// </para>
/// <para>
/// Every log is applied at most once, keyed by (block, log index): logs below <see cref="NextBlock"/>
/// have been applied by a poll, and logs at or above it that arrived early through
/// <see cref="ApplyLogs"/> (e.g. from a receipt of our own transaction) are remembered until the
/// poller passes them. Overlapping polls, re-fed receipts and concurrent callers therefore never
/// count an event twice.
/// </para>
/// </remarks>
public sealed class ChainIndexer
{
    private readonly IWeb3 _web3;
    private readonly ChainIndexerOptions _options;
    private readonly string[] _addresses;
    private readonly FrozenDictionary<(string Address, string Topic), Action<FilterLog, LogKey>> _handlers;
    private readonly Lock _gate = new();
    private readonly HashSet<LogKey> _appliedAhead = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<Bytes32> _slashChanges = new();
    private ulong _nextBlock;
    private long _eventsApplied;

    /// <summary>Indexes <paramref name="contracts"/> from <paramref name="startBlock"/> on.</summary>
    public ChainIndexer(IWeb3 web3, ContractAddresses contracts, ulong startBlock, ChainIndexerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(web3);
        ArgumentNullException.ThrowIfNull(contracts);
        _web3 = web3;
        _options = options ?? new ChainIndexerOptions();
        ArgumentOutOfRangeException.ThrowIfZero(_options.MaxBlockRange, nameof(options));
        _nextBlock = startBlock;
        _addresses = [EthAddresses.Normalise(contracts.Staking), EthAddresses.Normalise(contracts.JobEscrow), EthAddresses.Normalise(contracts.ModelRegistry)];

        var handlers = new Dictionary<(string, string), Action<FilterLog, LogKey>>();
        void On<TEvent>(string address, Action<TEvent, LogKey> apply)
            where TEvent : IEventDTO, new()
        {
            var topic = "0x" + ABITypedRegistry.GetEvent<TEvent>().Sha3Signature;
            handlers.Add((EthAddresses.Normalise(address), topic.ToLowerInvariant()), (log, key) => apply(log.DecodeEvent<TEvent>().Event, key));
        }

        On<StakedEventDTO>(contracts.Staking, (e, _) => Stakes.Staked(e.Provider, e.Amount));
        On<UnbondingRequestedEventDTO>(contracts.Staking, (e, key) => Stakes.UnbondingRequested(e.Provider, e.Amount, e.ReleaseAt, key));
        On<StakeWithdrawnEventDTO>(contracts.Staking, (e, key) => Stakes.Withdrawn(e.Provider, e.Amount, key));
        On<SlashedEventDTO>(contracts.Staking, (e, _) => Stakes.Slashed(e.Provider, Bytes32.FromBytes(e.EvidenceHash), e.FromActive, e.FromUnbonding));
        On<SlashRestoredEventDTO>(contracts.Staking, (e, _) => Stakes.SlashRestored(Bytes32.FromBytes(e.EvidenceHash)));
        // Providers dispute and anyone may finalise on chain: the platform learns of both from here.
        On<SlashDisputedEventDTO>(contracts.Staking, (e, _) => _slashChanges.Enqueue(Bytes32.FromBytes(e.EvidenceHash)));
        On<SlashFinalizedEventDTO>(contracts.Staking, (e, _) => _slashChanges.Enqueue(Bytes32.FromBytes(e.EvidenceHash)));
        On<JobPostedEventDTO>(contracts.JobEscrow, (e, _) => Escrow.Posted(Bytes32.FromBytes(e.JobId), e.Client, e.Token, e.Budget));
        On<TaskPaidEventDTO>(contracts.JobEscrow, (e, _) => Escrow.TaskPaid(Bytes32.FromBytes(e.JobId), Bytes32.FromBytes(e.TaskId), e.Amount));
        On<JobCompletedEventDTO>(contracts.JobEscrow, (e, _) => Escrow.Completed(Bytes32.FromBytes(e.JobId)));
        On<JobCancelledEventDTO>(contracts.JobEscrow, (e, _) => Escrow.Refunded(Bytes32.FromBytes(e.JobId), e.Refund, JobStatus.Cancelled));
        On<JobClosedEventDTO>(contracts.JobEscrow, (e, _) => Escrow.Refunded(Bytes32.FromBytes(e.JobId), e.Refund, JobStatus.Closed));
        On<DisputeResolvedEventDTO>(contracts.JobEscrow, (e, _) => Escrow.DisputeResolved(Bytes32.FromBytes(e.JobId), e.ProviderAward, e.ClientRefund));
        On<ModelRegisteredEventDTO>(contracts.ModelRegistry, (e, key) => Licenses.Owned(e.ModelId, e.Owner, key));
        On<ModelOwnershipTransferredEventDTO>(contracts.ModelRegistry, (e, key) => Licenses.Owned(e.ModelId, e.NewOwner, key));
        On<LicensePurchasedEventDTO>(contracts.ModelRegistry, (e, _) => Licenses.Licensed(e.ModelId, e.Licensee));
        On<LicenseGrantedEventDTO>(contracts.ModelRegistry, (e, _) => Licenses.Licensed(e.ModelId, e.Licensee));
        _handlers = handlers.ToFrozenDictionary();
    }

    /// <summary>Indexes a deployment from its first block.</summary>
    public static ChainIndexer ForDeployment(IWeb3 web3, DeploymentFile deployment, ChainIndexerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        return new ChainIndexer(web3, deployment.Contracts, deployment.BlockNumber, options);
    }

    /// <summary>Stakes per provider.</summary>
    public StakeMirror Stakes { get; } = new();

    /// <summary>Escrow per job.</summary>
    public EscrowMirror Escrow { get; } = new();

    /// <summary>Model owners and licences.</summary>
    public LicenseMirror Licenses { get; } = new();

    /// <summary>The first block the next poll reads; every log below it has been applied.</summary>
    public ulong NextBlock
    {
        get
        {
            lock (_gate)
            {
                return _nextBlock;
            }
        }
    }

    /// <summary>
    /// The evidence hashes of slashes disputed or finalised on chain since the last call, in the
    /// order seen (the first poll after a start replays the deployment's history). Each is handed
    /// out once.
    /// </summary>
    public IReadOnlyList<Bytes32> TakeSlashChanges()
    {
        var taken = new List<Bytes32>();
        while (_slashChanges.TryDequeue(out var hash))
        {
            taken.Add(hash);
        }

        return taken;
    }

    /// <summary>How many events have been applied to the mirrors.</summary>
    public long EventsApplied => Interlocked.Read(ref _eventsApplied);

    /// <summary>
    /// Reads every block from <see cref="NextBlock"/> up to the head (less the confirmations) and
    /// applies the new events; returns how many were applied.
    /// </summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var head = (await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        if (head < _options.Confirmations)
        {
            return 0;
        }

        var target = (ulong)head - _options.Confirmations;
        var applied = 0;
        for (var from = NextBlock; from <= target; from = NextBlock)
        {
            var to = Math.Min(target, from + _options.MaxBlockRange - 1);
            var filter = new NewFilterInput
            {
                Address = _addresses,
                FromBlock = new BlockParameter(new HexBigInteger(from)),
                ToBlock = new BlockParameter(new HexBigInteger(to)),
            };
            var logs = await _web3.Eth.Filters.GetLogs.SendRequestAsync(filter).WaitAsync(cancellationToken).ConfigureAwait(false);
            applied += Apply(logs ?? [], advanceTo: to + 1);
        }

        return applied;
    }

    /// <summary>
    /// Applies logs obtained elsewhere — typically <c>receipt.Logs</c> of the platform's own
    /// transaction, to see its effect before the next poll. Logs already applied (or below
    /// <see cref="NextBlock"/>) are ignored, so the poll that later reads the same block does not
    /// count them twice. Returns how many were applied.
    /// </summary>
    public int ApplyLogs(IEnumerable<FilterLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        return Apply(logs, advanceTo: null);
    }

    private int Apply(IEnumerable<FilterLog> logs, ulong? advanceTo)
    {
        var ordered = logs
            .Where(log => !log.Removed && log.BlockNumber is not null && log.LogIndex is not null)
            .Select(log => (Log: log, Key: new LogKey((ulong)log.BlockNumber.Value, (ulong)log.LogIndex.Value)))
            .OrderBy(entry => entry.Key)
            .ToList();
        var applied = 0;
        lock (_gate)
        {
            foreach (var (log, key) in ordered)
            {
                if (key.Block < _nextBlock || !_handlers.TryGetValue(HandlerKey(log), out var handler) || !_appliedAhead.Add(key))
                {
                    continue;
                }

                handler(log, key);
                applied++;
            }

            if (advanceTo is { } next && next > _nextBlock)
            {
                _nextBlock = next;
                _appliedAhead.RemoveWhere(key => key.Block < next);
            }
        }

        Interlocked.Add(ref _eventsApplied, applied);
        return applied;
    }

    private static (string Address, string Topic) HandlerKey(FilterLog log) =>
        (log.Address?.ToLowerInvariant() ?? string.Empty,
         log.Topics is { Length: > 0 } topics ? topics[0]?.ToString()?.ToLowerInvariant() ?? string.Empty : string.Empty);
}
