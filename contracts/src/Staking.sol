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
///         provider's total stake per slash, once per evidence hash. Slashed funds are
///         credited to the treasury or to a wronged beneficiary and are pulled with `claim`.
/// @dev    Conservation: token.balanceOf(this) == totalStaked + totalUnbonding + totalClaimable
///         (plus any tokens sent here directly, which are never accounted).
contract Staking is IStakingView, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Changes minStake, unbondingPeriod, maxSlashBps and treasury.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May slash providers.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    uint256 public constant BPS = 10_000;
    /// @notice Upper bound for the unbonding cooldown.
    uint256 public constant MAX_UNBONDING_PERIOD = 365 days;

    struct ProviderStake {
        uint256 active; // bonded stake, counts for isStaked and rewards
        uint256 unbonding; // requested for withdrawal, still slashable
        uint256 releaseAt; // when `unbonding` becomes withdrawable
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

    uint256 public totalStaked;
    uint256 public totalUnbonding;
    uint256 public totalClaimable;

    mapping(address provider => ProviderStake) private _stakes;
    /// @notice Slashed funds waiting to be pulled by treasury/beneficiaries.
    mapping(address account => uint256) public claimable;
    /// @notice Evidence hashes that have already been used for a slash.
    mapping(bytes32 evidenceHash => bool) public evidenceUsed;

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
    event Claimed(address indexed account, uint256 amount);
    event MinStakeUpdated(uint256 previous, uint256 current);
    event UnbondingPeriodUpdated(uint256 previous, uint256 current);
    event MaxSlashBpsUpdated(uint256 previous, uint256 current);
    event TreasuryUpdated(address indexed previous, address indexed current);
    event StakeListenerUpdated(address indexed previous, address indexed current);

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
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryUpdated(address(0), treasury_);
        emit MinStakeUpdated(0, minStake_);
        emit UnbondingPeriodUpdated(0, unbondingPeriod_);
        emit MaxSlashBpsUpdated(0, maxSlashBps_);
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

    /// @notice Slash `amount` from `provider`: active stake first, then unbonding.
    /// @param evidenceHash hash of the off-chain evidence; each hash can be used once
    /// @param beneficiary  credited with the slashed funds; address(0) credits the treasury
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
        claimable[recipient] += amount;
        totalClaimable += amount;
        emit Slashed(provider, evidenceHash, recipient, amount, fromActive, fromUnbonding, msg.sender);
        if (fromActive != 0) _notify(provider);
    }

    // ------------------------------------------------------------------ views

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

    /// @notice Wire the rewards contract (or unset with address(0)). Providers that staked
    ///         before a listener was set must be synced on it (Rewards.onStakeChanged).
    function setStakeListener(IStakeListener newListener) external onlyRole(DEFAULT_ADMIN_ROLE) {
        emit StakeListenerUpdated(address(stakeListener), address(newListener));
        stakeListener = newListener;
    }

    // ------------------------------------------------------------------ internal

    function _notify(address provider) private {
        IStakeListener listener = stakeListener;
        if (address(listener) != address(0)) listener.onStakeChanged(provider);
    }
}
