// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IStakeListener, IStakingView} from "./interfaces/IStaking.sol";

/// @title Staking
/// @notice Compute providers bond OAI here. Bonded ("active") stake makes a provider eligible
///         for work and for staking rewards. Leaving is a two-step process: request unbonding
///         (the amount stops counting at once) and withdraw after a cooldown. Both active and
///         unbonding amounts can be slashed by SLASHER_ROLE, at most `maxSlashBps` of the
///         provider's total stake per slash, once per evidence hash. A slash takes the stake at
///         once but holds the funds as a pending slash for `disputeWindow` seconds: the provider
///         may dispute it, and ARBITER_ROLE then either restores the stake or lets the slash
///         stand. An undisputed slash is finalized by anyone after the window. Final slashed
///         funds are credited to the treasury or to a wronged beneficiary and pulled with `claim`.
/// @dev    Conservation: token.balanceOf(this) == totalStaked + totalUnbonding + totalClaimable
///         + totalPendingSlashes (plus any tokens sent here directly, which are never accounted).
contract Staking is IStakingView, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Changes minStake, unbondingPeriod, maxSlashBps, disputeWindow and treasury.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May slash providers.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");
    /// @notice Decides disputed slashes.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");

    uint256 public constant BPS = 10_000;
    /// @notice Upper bound for the unbonding cooldown.
    uint256 public constant MAX_UNBONDING_PERIOD = 365 days;
    /// @notice Upper bound for the slash dispute window.
    uint256 public constant MAX_DISPUTE_WINDOW = 30 days;
    /// @notice Dispute window set at deployment.
    uint256 public constant DEFAULT_DISPUTE_WINDOW = 2 days;

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
        address recipient; // credited when the slash becomes final
        uint256 amount; // fromActive + fromUnbonding
        uint256 fromActive;
        uint256 fromUnbonding;
    }

    /// @notice The staked token (OAI).
    IERC20 public immutable token;

    /// @notice Minimum active stake for `isStaked`.
    uint256 public minStake;
    /// @notice Cooldown between an unbonding request and withdrawal, in seconds.
    uint256 public unbondingPeriod;
    /// @notice Maximum share of a provider's total stake (active + unbonding) one slash may take.
    uint256 public maxSlashBps;
    /// @notice Receives slashed funds when no beneficiary is given.
    address public treasury;
    /// @notice Notified after every change of active stake (Rewards); may be unset.
    IStakeListener public stakeListener;
    /// @notice Seconds after a slash during which the provider may dispute it.
    uint256 public disputeWindow;

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
    event Claimed(address indexed account, uint256 amount);
    event MinStakeUpdated(uint256 previous, uint256 current);
    event UnbondingPeriodUpdated(uint256 previous, uint256 current);
    event MaxSlashBpsUpdated(uint256 previous, uint256 current);
    event TreasuryUpdated(address indexed previous, address indexed current);
    event StakeListenerUpdated(address indexed previous, address indexed current);
    event DisputeWindowUpdated(uint256 previous, uint256 current);

    error ZeroAddress();
    error ZeroAmount();
    error InsufficientActiveStake(uint256 requested, uint256 available);
    error NothingUnbonding();
    error UnbondingNotReady(uint256 releaseAt);
    error ZeroEvidence();
    error EvidenceAlreadyUsed(bytes32 evidenceHash);
    error SlashExceedsLimit(uint256 amount, uint256 limit);
    error NothingToClaim();
    error InvalidBps(uint256 bps);
    error UnbondingPeriodTooLong(uint256 period);
    error DisputeWindowTooLong(uint256 window);
    error UnknownSlash(bytes32 evidenceHash);
    error NotSlashedProvider(bytes32 evidenceHash, address caller);
    error SlashNotPending(bytes32 evidenceHash, SlashStatus status);
    error SlashNotDisputed(bytes32 evidenceHash, SlashStatus status);
    error SlashDisputeWindowClosed(bytes32 evidenceHash, uint64 disputeUntil);
    error SlashDisputeWindowOpen(bytes32 evidenceHash, uint64 disputeUntil);

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
    ) {
        if (address(token_) == address(0) || admin == address(0) || treasury_ == address(0)) {
            revert ZeroAddress();
        }
        if (unbondingPeriod_ > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(unbondingPeriod_);
        if (maxSlashBps_ > BPS) revert InvalidBps(maxSlashBps_);
        token = token_;
        treasury = treasury_;
        minStake = minStake_;
        unbondingPeriod = unbondingPeriod_;
        maxSlashBps = maxSlashBps_;
        disputeWindow = DEFAULT_DISPUTE_WINDOW;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryUpdated(address(0), treasury_);
        emit MinStakeUpdated(0, minStake_);
        emit UnbondingPeriodUpdated(0, unbondingPeriod_);
        emit MaxSlashBpsUpdated(0, maxSlashBps_);
        emit DisputeWindowUpdated(0, DEFAULT_DISPUTE_WINDOW);
    }

    // ------------------------------------------------------------------ provider actions

    /// @notice Bond `amount` more tokens (pulled with transferFrom; approve first).
    function stake(uint256 amount) external nonReentrant {
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
    ///         upheld dispute).
    /// @param evidenceHash hash of the off-chain evidence; each hash can be used once, even if
    ///                     the slash is later restored
    /// @param beneficiary  credited with the funds once final; address(0) credits the treasury
    function slash(address provider, uint256 amount, bytes32 evidenceHash, address beneficiary)
        external
        onlyRole(SLASHER_ROLE)
        nonReentrant
    {
        if (provider == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        if (evidenceHash == bytes32(0)) revert ZeroEvidence();
        if (evidenceUsed[evidenceHash]) revert EvidenceAlreadyUsed(evidenceHash);
        ProviderStake storage s = _stakes[provider];
        uint256 limit = ((s.active + s.unbonding) * maxSlashBps) / BPS;
        if (amount > limit) revert SlashExceedsLimit(amount, limit);

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
    ///         `disputeUntil` second. The funds stay held until ARBITER_ROLE decides.
    function disputeSlash(bytes32 evidenceHash) external nonReentrant {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (msg.sender != p.provider) revert NotSlashedProvider(evidenceHash, msg.sender);
        if (p.status != SlashStatus.Pending) revert SlashNotPending(evidenceHash, p.status);
        if (block.timestamp > p.disputeUntil) revert SlashDisputeWindowClosed(evidenceHash, p.disputeUntil);
        p.status = SlashStatus.Disputed;
        emit SlashDisputed(evidenceHash, msg.sender);
    }

    /// @notice Decide a disputed slash. Upheld: the amount goes back where it was taken from
    ///         (unbonding keeps the provider's current release time). Rejected: the slash is
    ///         final and the recipient is credited.
    /// @dev    The evidence hash stays used either way: a restored slash cannot be replayed.
    function resolveSlashDispute(bytes32 evidenceHash, bool upheld) external onlyRole(ARBITER_ROLE) nonReentrant {
        PendingSlash storage p = _slashOf(evidenceHash);
        if (p.status != SlashStatus.Disputed) revert SlashNotDisputed(evidenceHash, p.status);
        if (!upheld) {
            _finalize(evidenceHash, p);
            return;
        }
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
    ///         the recipient. Anyone may call it.
    function finalizeSlash(bytes32 evidenceHash) external nonReentrant {
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

    /// @notice Largest amount a single slash may take from `provider` right now.
    function maxSlashOf(address provider) external view returns (uint256) {
        ProviderStake storage s = _stakes[provider];
        return ((s.active + s.unbonding) * maxSlashBps) / BPS;
    }

    // ------------------------------------------------------------------ governance

    function setMinStake(uint256 newMinStake) external onlyRole(GOVERNOR_ROLE) {
        emit MinStakeUpdated(minStake, newMinStake);
        minStake = newMinStake;
    }

    /// @dev Applies to future unbonding requests; pending ones keep their release time.
    function setUnbondingPeriod(uint256 newPeriod) external onlyRole(GOVERNOR_ROLE) {
        if (newPeriod > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(newPeriod);
        emit UnbondingPeriodUpdated(unbondingPeriod, newPeriod);
        unbondingPeriod = newPeriod;
    }

    function setMaxSlashBps(uint256 newMaxSlashBps) external onlyRole(GOVERNOR_ROLE) {
        if (newMaxSlashBps > BPS) revert InvalidBps(newMaxSlashBps);
        emit MaxSlashBpsUpdated(maxSlashBps, newMaxSlashBps);
        maxSlashBps = newMaxSlashBps;
    }

    function setTreasury(address newTreasury) external onlyRole(GOVERNOR_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @dev Applies to future slashes; pending ones keep their `disputeUntil`.
    function setDisputeWindow(uint256 newWindow) external onlyRole(GOVERNOR_ROLE) {
        if (newWindow > MAX_DISPUTE_WINDOW) revert DisputeWindowTooLong(newWindow);
        emit DisputeWindowUpdated(disputeWindow, newWindow);
        disputeWindow = newWindow;
    }

    /// @notice Wire the rewards contract (or unset with address(0)). Providers that staked
    ///         before a listener was set must be synced on it (Rewards.onStakeChanged).
    function setStakeListener(IStakeListener newListener) external onlyRole(DEFAULT_ADMIN_ROLE) {
        emit StakeListenerUpdated(address(stakeListener), address(newListener));
        stakeListener = newListener;
    }

    // ------------------------------------------------------------------ internal

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
