// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IStakeListener, IStakingView} from "./interfaces/IStaking.sol";
import {StakingConfig} from "./staking/StakingConfig.sol";

/// @title Staking
/// @notice Compute providers bond OAI here. Bonded ("active") stake makes a provider eligible
///         for work and for staking rewards. Leaving is a two-step process: request unbonding
///         (the amount stops counting at once) and withdraw after a cooldown. Both active and
///         unbonding amounts can be slashed by SLASHER_ROLE, at most `maxSlashBps` of the
///         provider's total stake per slash, once per evidence hash. A slash takes the stake at
///         once but holds the funds as a pending slash for `disputeWindow` seconds: the provider
///         may dispute it, and ARBITER_ROLE then either restores the stake or lets the slash
///         stand; an arbiter that does not rule within `slashRulingTimeout` loses the case to
///         the provider (anyone restores it). An undisputed slash is finalized by anyone after
///         the window. All slashes of a provider within one `slashPeriod` take at most
///         `maxPeriodSlashBps` of its stake, however many evidence hashes the slasher cites.
///         Final slashed funds are credited to the treasury or a governance-allowed
///         destination (never one the slasher picks freely) and pulled with `claim`. The
///         slasher can never be the arbiter (roles are exclusive), and GUARDIAN_ROLE or
///         governance can pause slashing, rulings, finalization and new stake; providers can
///         still unbond, withdraw, dispute and claim while paused.
/// @dev    Conservation: token.balanceOf(this) == totalStaked + totalUnbonding + totalClaimable
///         + totalPendingSlashes (plus any tokens sent here directly, which are never accounted).
contract Staking is IStakingView, StakingConfig, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice None: no slash with this evidence. Pending: within or past its window, not
    ///         disputed. Disputed: waiting for the arbiter. Finalized: credited to the recipient.
    ///         Restored: given back to the provider. Finalized and Restored are terminal.
    enum SlashStatus {
        None,
        Pending,
        Disputed,
        Finalized,
        Restored
    }

    struct ProviderStake {
        uint256 active; // bonded stake, counts for isStaked and rewards
        uint256 unbonding; // requested for withdrawal, still slashable
        uint256 releaseAt; // when `unbonding` becomes withdrawable
    }

    /// @notice A slash whose funds are held until it is finalized or restored. Restoring puts
    ///         `fromActive` back into active stake and `fromUnbonding` into unbonding stake.
    struct PendingSlash {
        address provider;
        uint64 disputeUntil; // last second the provider may dispute
        SlashStatus status;
        uint64 ruleBy; // set when disputed: last second the arbiter may rule
        address recipient; // credited when the slash becomes final
        uint256 amount; // fromActive + fromUnbonding
        uint256 fromActive;
        uint256 fromUnbonding;
    }

    /// @notice A provider's current slash period: when it began, the stake it is measured
    ///         against (active + unbonding just before its first slash) and what it has taken.
    struct SlashPeriodUse {
        uint64 start;
        uint256 base;
        uint256 used;
    }

    /// @notice The staked token (OAI).
    IERC20 public immutable token;

    uint256 public totalStaked;
    uint256 public totalUnbonding;
    uint256 public totalClaimable;
    /// @notice Funds of slashes that are Pending or Disputed.
    uint256 public totalPendingSlashes;

    mapping(address provider => ProviderStake) private _stakes;
    /// @notice Slashed funds waiting to be pulled by treasury/beneficiaries.
    mapping(address account => uint256) public claimable;
    /// @notice Evidence hashes that have already been used for a slash.
    mapping(bytes32 evidenceHash => bool) public evidenceUsed;
    mapping(bytes32 evidenceHash => PendingSlash) private _slashes;
    mapping(address provider => SlashPeriodUse) private _periods;

    event Staked(address indexed provider, uint256 amount, uint256 activeStake);
    event UnbondingRequested(address indexed provider, uint256 amount, uint256 totalUnbonding, uint256 releaseAt);
    event Withdrawn(address indexed provider, uint256 amount);
    event Slashed(
        address indexed provider,
        bytes32 indexed evidenceHash,
        address indexed recipient,
        uint256 amount,
        uint256 fromActive,
        uint256 fromUnbonding,
        address slasher
    );
    event SlashPending(bytes32 indexed evidenceHash, address indexed provider, uint256 amount, uint64 disputeUntil);
    event SlashDisputed(bytes32 indexed evidenceHash, address indexed provider);
    event SlashRestored(bytes32 indexed evidenceHash, address indexed provider, uint256 amount);
    event SlashFinalized(bytes32 indexed evidenceHash, address indexed recipient, uint256 amount);
    /// @notice The arbiter did not rule by `ruleBy`; the slash was restored (followed by SlashRestored).
    event SlashDisputeTimedOut(bytes32 indexed evidenceHash, address indexed provider, uint64 ruleBy);
    event Claimed(address indexed account, uint256 amount);

    error ZeroAmount();
    error InsufficientActiveStake(uint256 requested, uint256 available);
    error NothingUnbonding();
    error UnbondingNotReady(uint256 releaseAt);
    error ZeroEvidence();
    error EvidenceAlreadyUsed(bytes32 evidenceHash);
    error SlashExceedsLimit(uint256 amount, uint256 limit);
    error SlashExceedsPeriodCap(uint256 amount, uint256 left);
    error DestinationNotAllowed(address destination);
    error NothingToClaim();
    error UnknownSlash(bytes32 evidenceHash);
    error NotSlashedProvider(bytes32 evidenceHash, address caller);
    error SlashNotPending(bytes32 evidenceHash, SlashStatus status);
    error SlashNotDisputed(bytes32 evidenceHash, SlashStatus status);
    error SlashDisputeWindowClosed(bytes32 evidenceHash, uint64 disputeUntil);
    error SlashDisputeWindowOpen(bytes32 evidenceHash, uint64 disputeUntil);
    error SlashRulingTimedOut(bytes32 evidenceHash, uint64 ruleBy);
    error SlashRulingPending(bytes32 evidenceHash, uint64 ruleBy);

    /// @param token_           the staked token (OAI)
    /// @param admin            receives DEFAULT_ADMIN_ROLE (grants the other roles)
    /// @param treasury_        default recipient of slashed funds
    /// @param minStake_        minimum active stake for `isStaked`
    /// @param unbondingPeriod_ cooldown in seconds, at most MAX_UNBONDING_PERIOD
    /// @param maxSlashBps_     maximum share per slash, at most BPS
    constructor(
        IERC20 token_,
        address admin,
        address treasury_,
        uint256 minStake_,
        uint256 unbondingPeriod_,
        uint256 maxSlashBps_
    ) StakingConfig(admin, treasury_, minStake_, unbondingPeriod_, maxSlashBps_) {
        if (address(token_) == address(0)) revert ZeroAddress();
        token = token_;
    }

    // ------------------------------------------------------------------ provider actions

    /// @notice Bond `amount` more tokens (pulled with transferFrom; approve first). Not while paused.
    function stake(uint256 amount) external nonReentrant whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        ProviderStake storage s = _stakes[msg.sender];
        s.active += amount;
        totalStaked += amount;
        emit Staked(msg.sender, amount, s.active);
        _notify(msg.sender);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Move `amount` of active stake to unbonding. It stops counting at once and can be
    ///         withdrawn `unbondingPeriod` seconds later. A new request restarts the cooldown
    ///         for the whole unbonding amount.
    function requestUnbond(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        ProviderStake storage s = _stakes[msg.sender];
        if (amount > s.active) revert InsufficientActiveStake(amount, s.active);
        s.active -= amount;
        s.unbonding += amount;
        uint256 releaseAt = block.timestamp + unbondingPeriod;
        s.releaseAt = releaseAt;
        totalStaked -= amount;
        totalUnbonding += amount;
        emit UnbondingRequested(msg.sender, amount, s.unbonding, releaseAt);
        _notify(msg.sender);
    }

    /// @notice Withdraw the whole unbonding amount once its cooldown has passed.
    function withdraw() external nonReentrant {
        ProviderStake storage s = _stakes[msg.sender];
        uint256 amount = s.unbonding;
        if (amount == 0) revert NothingUnbonding();
        if (block.timestamp < s.releaseAt) revert UnbondingNotReady(s.releaseAt);
        s.unbonding = 0;
        s.releaseAt = 0;
        totalUnbonding -= amount;
        emit Withdrawn(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    /// @notice Pull slashed funds credited to the caller.
    function claim() external nonReentrant {
        uint256 amount = claimable[msg.sender];
        if (amount == 0) revert NothingToClaim();
        claimable[msg.sender] = 0;
        totalClaimable -= amount;
        emit Claimed(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ slashing

    /// @notice Slash `amount` from `provider`: active stake first, then unbonding. The stake is
    ///         taken at once; the funds are held as a pending slash until it is finalized
    ///         (`finalizeSlash` after the dispute window, or a rejected dispute) or restored (an
    ///         upheld dispute). All slashes of the provider within its current slash period
    ///         are capped together (`maxPeriodSlashBps`), on top of the per-slash cap
    ///         (`maxSlashBps`).
    /// @param evidenceHash hash of the off-chain evidence; each hash can be used once, even if
    ///                     the slash is later restored
    /// @param beneficiary  credited with the funds once final: address(0) for the treasury, or a
    ///                     destination governance allowed (`setSlashDestination`)
    function slash(address provider, uint256 amount, bytes32 evidenceHash, address beneficiary)
        external
        onlyRole(SLASHER_ROLE)
        nonReentrant
        whenNotPaused
    {
        if (provider == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (evidenceHash == bytes32(0)) revert ZeroEvidence();
        if (evidenceUsed[evidenceHash]) revert EvidenceAlreadyUsed(evidenceHash);
        if (beneficiary != address(0) && beneficiary != treasury && !slashDestinationAllowed[beneficiary]) {
            revert DestinationNotAllowed(beneficiary);
        }
        ProviderStake storage s = _stakes[provider];
        uint256 slashable = s.active + s.unbonding;
        uint256 limit = (slashable * maxSlashBps) / BPS;
        if (amount > limit) revert SlashExceedsLimit(amount, limit);
        _useSlashPeriod(provider, slashable, amount);

        evidenceUsed[evidenceHash] = true;
        uint256 fromActive = amount <= s.active ? amount : s.active;
        uint256 fromUnbonding = amount - fromActive;
        s.active -= fromActive;
        s.unbonding -= fromUnbonding;
        totalStaked -= fromActive;
        totalUnbonding -= fromUnbonding;

        address recipient = beneficiary == address(0) ? treasury : beneficiary;
        // forge-lint: disable-next-line(unsafe-typecast) now + at most MAX_DISPUTE_WINDOW
        uint64 disputeUntil = uint64(block.timestamp + disputeWindow);
        _slashes[evidenceHash] = PendingSlash({
            provider: provider,
            disputeUntil: disputeUntil,
            status: SlashStatus.Pending,
            ruleBy: 0,
            recipient: recipient,
            amount: amount,
            fromActive: fromActive,
            fromUnbonding: fromUnbonding
        });
        totalPendingSlashes += amount;
        emit Slashed(provider, evidenceHash, recipient, amount, fromActive, fromUnbonding, msg.sender);
        emit SlashPending(evidenceHash, provider, amount, disputeUntil);
        if (fromActive != 0) _notify(provider);
    }

    /// @notice Dispute a pending slash of the caller's stake, up to and including its
    ///         `disputeUntil` second. The funds stay held until ARBITER_ROLE decides, or until
    ///         `slashRulingTimeout` passes without a ruling (then the stake comes back). Open
    ///         while paused: it is the provider's defence.
    function disputeSlash(bytes32 evidenceHash) external nonReentrant {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (msg.sender != p.provider) revert NotSlashedProvider(evidenceHash, msg.sender);
        if (p.status != SlashStatus.Pending) revert SlashNotPending(evidenceHash, p.status);
        if (block.timestamp > p.disputeUntil) revert SlashDisputeWindowClosed(evidenceHash, p.disputeUntil);
        p.status = SlashStatus.Disputed;
        // forge-lint: disable-next-line(unsafe-typecast) now + at most MAX_RULING_TIMEOUT
        p.ruleBy = uint64(block.timestamp + slashRulingTimeout);
        emit SlashDisputed(evidenceHash, msg.sender);
    }

    /// @notice Decide a disputed slash. Upheld: the amount goes back where it was taken from
    ///         (unbonding keeps the provider's current release time). Rejected: the slash is
    ///         final and the recipient is credited. Only up to the dispute's `ruleBy` second;
    ///         after it the only outcome is the provider's (`resolveSlashDisputeByTimeout`).
    /// @dev    The evidence hash stays used either way: a restored slash cannot be replayed.
    function resolveSlashDispute(bytes32 evidenceHash, bool upheld)
        external
        onlyRole(ARBITER_ROLE)
        nonReentrant
        whenNotPaused
    {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (p.status != SlashStatus.Disputed) revert SlashNotDisputed(evidenceHash, p.status);
        if (block.timestamp > p.ruleBy) revert SlashRulingTimedOut(evidenceHash, p.ruleBy);
        if (!upheld) {
            _finalize(evidenceHash, p);
            return;
        }
        _restore(evidenceHash, p);
    }

    /// @notice Restore a disputed slash the arbiter did not rule on by its `ruleBy` second.
    ///         Anyone may call it, also while paused (it only gives the provider its stake back).
    function resolveSlashDisputeByTimeout(bytes32 evidenceHash) external nonReentrant {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (p.status != SlashStatus.Disputed) revert SlashNotDisputed(evidenceHash, p.status);
        if (block.timestamp <= p.ruleBy) revert SlashRulingPending(evidenceHash, p.ruleBy);
        emit SlashDisputeTimedOut(evidenceHash, p.provider, p.ruleBy);
        _restore(evidenceHash, p);
    }

    function _restore(bytes32 evidenceHash, PendingSlash storage p) private {
        p.status = SlashStatus.Restored;
        address provider = p.provider;
        uint256 fromActive = p.fromActive;
        uint256 fromUnbonding = p.fromUnbonding;
        ProviderStake storage s = _stakes[provider];
        s.active += fromActive;
        s.unbonding += fromUnbonding;
        totalStaked += fromActive;
        totalUnbonding += fromUnbonding;
        totalPendingSlashes -= p.amount;
        emit SlashRestored(evidenceHash, provider, p.amount);
        if (fromActive != 0) _notify(provider);
    }

    /// @notice Make an undisputed slash final once its dispute window has passed, crediting
    ///         the recipient. Anyone may call it; not while paused (governance reviews first).
    function finalizeSlash(bytes32 evidenceHash) external nonReentrant whenNotPaused {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (p.status != SlashStatus.Pending) revert SlashNotPending(evidenceHash, p.status);
        if (block.timestamp <= p.disputeUntil) revert SlashDisputeWindowOpen(evidenceHash, p.disputeUntil);
        _finalize(evidenceHash, p);
    }

    // ------------------------------------------------------------------ views

    /// @notice The slash recorded under `evidenceHash` (status None when there is none).
    function pendingSlash(bytes32 evidenceHash) external view returns (PendingSlash memory) {
        return _slashes[evidenceHash];
    }

    /// @inheritdoc IStakingView
    function stakeOf(address provider) external view returns (uint256) {
        return _stakes[provider].active;
    }

    /// @inheritdoc IStakingView
    function isStaked(address provider) external view returns (bool) {
        uint256 active = _stakes[provider].active;
        return active != 0 && active >= minStake;
    }

    /// @notice Amount unbonding for `provider` and when it can be withdrawn.
    function unbondingOf(address provider) external view returns (uint256 amount, uint256 releaseAt) {
        ProviderStake storage s = _stakes[provider];
        return (s.unbonding, s.releaseAt);
    }

    /// @notice Active plus unbonding stake: everything that can still be slashed.
    function slashableOf(address provider) external view returns (uint256) {
        ProviderStake storage s = _stakes[provider];
        return s.active + s.unbonding;
    }

    /// @notice Largest amount a single slash may take from `provider` right now: the per-slash
    ///         cap, or what is left of the provider's period cap if that is less.
    function maxSlashOf(address provider) external view returns (uint256) {
        ProviderStake storage s = _stakes[provider];
        uint256 slashable = s.active + s.unbonding;
        uint256 limit = (slashable * maxSlashBps) / BPS;
        uint256 left = _periodLeft(_periods[provider], slashable);
        return left < limit ? left : limit;
    }

    /// @notice The provider's current slash period (start 0: never slashed) and what it has left.
    function slashPeriodOf(address provider) external view returns (SlashPeriodUse memory use, uint256 left) {
        use = _periods[provider];
        ProviderStake storage s = _stakes[provider];
        left = _periodLeft(use, s.active + s.unbonding);
    }

    // ------------------------------------------------------------------ internal

    /// @dev What the period cap still allows; a period that ended counts as a fresh one measured
    ///      against the current stake.
    function _periodLeft(SlashPeriodUse memory use, uint256 slashable) private view returns (uint256) {
        if (use.start == 0 || block.timestamp >= use.start + slashPeriod) return (slashable * maxPeriodSlashBps) / BPS;
        uint256 cap = (use.base * maxPeriodSlashBps) / BPS;
        return use.used >= cap ? 0 : cap - use.used;
    }

    /// @dev Charge `amount` to the provider's slash period, starting a new period if the last
    ///      one ended. Restored slashes stay charged: the cap bounds what the slasher may do
    ///      per period, and a slash it had to give back was still done.
    function _useSlashPeriod(address provider, uint256 slashable, uint256 amount) private {
        SlashPeriodUse storage use = _periods[provider];
        if (use.start == 0 || block.timestamp >= use.start + slashPeriod) {
            // forge-lint: disable-next-line(unsafe-typecast) a timestamp
            use.start = uint64(block.timestamp);
            use.base = slashable;
            use.used = 0;
        }
        uint256 cap = (use.base * maxPeriodSlashBps) / BPS;
        uint256 left = use.used >= cap ? 0 : cap - use.used;
        if (amount > left) revert SlashExceedsPeriodCap(amount, left);
        use.used += amount;
    }

    function _slashOf(bytes32 evidenceHash) private view returns (PendingSlash storage p) {
        p = _slashes[evidenceHash];
        if (p.status == SlashStatus.None) revert UnknownSlash(evidenceHash);
    }

    function _finalize(bytes32 evidenceHash, PendingSlash storage p) private {
        p.status = SlashStatus.Finalized;
        address recipient = p.recipient;
        uint256 amount = p.amount;
        totalPendingSlashes -= amount;
        claimable[recipient] += amount;
        totalClaimable += amount;
        emit SlashFinalized(evidenceHash, recipient, amount);
    }

    function _notify(address provider) private {
        IStakeListener listener = stakeListener;
        if (address(listener) != address(0)) listener.onStakeChanged(provider);
    }
}
