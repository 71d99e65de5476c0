// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EmergencyPause} from "./utils/EmergencyPause.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IStakeListener, IStakingView} from "./interfaces/IStaking.sol";

/// @title Rewards
/// @notice Staking rewards. Time is cut into fixed epochs of `epochDuration` seconds counted from
///         `genesis`. Anyone may fund the pool of the current or a future epoch; each epoch's pool
///         is streamed linearly over the (rest of the) epoch and shared, second by second, pro
///         rata to each provider's reward weight:
///             weight = active stake (Staking.stakeOf) * reputation multiplier / 10_000
///         The multiplier (default 1x) is set by PLATFORM_ROLE within governable bounds. Because
///         the multiplier scales weight rather than the payout, the sum paid never exceeds what
///         was funded. Accounting uses a reward-per-weight accumulator, so every operation is
///         O(1) apart from a loop over epochs elapsed since the last update.
///         Training rewards and inference fees are not paid here: they go through JobEscrow.
///         A pause (EmergencyPause) stops funding, reputation updates and sweeps; claims and
///         `onStakeChanged` stay open (Staking calls it on unbonding, which must never block).
/// @dev    Staking calls `onStakeChanged` after every change of active stake; the call is
///         permissionless and simply re-reads the stake, so anyone can refresh a stale weight.
///         Stream released while the total weight is zero is `unallocated` and can be swept to
///         the treasury. Rounding dust (a few wei) stays in the contract.
contract Rewards is IStakeListener, EmergencyPause, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Sets reputation multipliers.
    bytes32 public constant PLATFORM_ROLE = keccak256("PLATFORM_ROLE");

    uint256 public constant BPS = 10_000;
    uint256 private constant PRECISION = 1e27; // accumulator scale: dust < totalWeight / 1e27 per update
    /// @notice Hard limits for the governable multiplier bounds (0.1x and 3x).
    uint256 public constant HARD_MIN_MULTIPLIER_BPS = 1_000;
    uint256 public constant HARD_MAX_MULTIPLIER_BPS = 30_000;
    /// @notice How far ahead an epoch may be funded.
    uint256 public constant MAX_EPOCHS_AHEAD = 520;
    /// @notice Shortest epoch. Accrual loops over the epochs elapsed since the last update, so
    ///         epochs of at least a day keep even years of inactivity affordable (~2.1k gas each).
    uint256 public constant MIN_EPOCH_DURATION = 1 days;

    struct EpochPool {
        uint128 funded;
        uint128 released;
    }

    struct Account {
        uint256 weight; // cached stake * multiplier / BPS
        uint256 rewardPerWeightPaid; // accumulator value at the last settlement
        uint256 accrued; // settled, unclaimed rewards
        uint256 multiplierBps; // 0 = never set (1x)
    }

    IERC20 public immutable rewardToken;
    IStakingView public immutable staking;
    uint256 public immutable genesis;
    uint256 public immutable epochDuration;

    uint256 public minMultiplierBps;
    uint256 public maxMultiplierBps;
    address public treasury;

    /// @dev Funded and streamed amounts of each epoch, packed so the accrual loop reads one slot
    ///      per epoch.
    mapping(uint256 epoch => EpochPool) private _epochs;

    uint256 public lastAccrual;
    uint256 public rewardPerWeight;
    uint256 public totalWeight;
    /// @dev Streamed while nobody had weight; sweepable to the treasury (see `unallocated()`).
    uint256 private _unallocated;
    uint256 public totalFunded;
    /// @notice Streamed so far (to providers or to `unallocated`).
    uint256 public totalReleased;
    uint256 public totalClaimed;

    mapping(address account => Account) private _accounts;

    event EpochFunded(uint256 indexed epoch, address indexed funder, uint256 amount, uint256 pool);
    event WeightUpdated(address indexed provider, uint256 stake, uint256 multiplierBps, uint256 weight);
    event ReputationSet(address indexed provider, uint256 multiplierBps);
    event RewardsClaimed(address indexed account, uint256 amount);
    event UnallocatedSwept(address indexed treasury, uint256 amount);
    event MultiplierBoundsUpdated(uint256 minBps, uint256 maxBps);
    event TreasuryUpdated(address indexed previous, address indexed current);

    error ZeroAddress();
    error ZeroAmount();
    error EpochTooShort(uint256 duration);
    error EpochInPast(uint256 epoch, uint256 currentEpoch);
    error EpochTooFarAhead(uint256 epoch, uint256 currentEpoch);
    error MultiplierOutOfBounds(uint256 multiplierBps, uint256 minBps, uint256 maxBps);
    error InvalidMultiplierBounds(uint256 minBps, uint256 maxBps);
    error NothingToClaim();

    /// @param rewardToken_   token paid as rewards (OAI)
    /// @param staking_       Staking contract providing active stakes
    /// @param admin          receives DEFAULT_ADMIN_ROLE
    /// @param treasury_      receives unallocated rewards
    /// @param epochDuration_ epoch length in seconds (at least MIN_EPOCH_DURATION); epochs start
    ///                       at deployment
    constructor(IERC20 rewardToken_, IStakingView staking_, address admin, address treasury_, uint256 epochDuration_) {
        if (address(rewardToken_) == address(0) || address(staking_) == address(0)) revert ZeroAddress();
        if (admin == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (epochDuration_ < MIN_EPOCH_DURATION) revert EpochTooShort(epochDuration_);
        rewardToken = rewardToken_;
        staking = staking_;
        treasury = treasury_;
        epochDuration = epochDuration_;
        genesis = block.timestamp;
        lastAccrual = block.timestamp;
        minMultiplierBps = 5_000;
        maxMultiplierBps = 15_000;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryUpdated(address(0), treasury_);
        emit MultiplierBoundsUpdated(5_000, 15_000);
    }

    // ------------------------------------------------------------------ funding and claims

    /// @notice Add `amount` (pulled from the caller) to the pool of `epoch` (current or future).
    ///         Funding the current epoch streams the amount over what is left of it.
    function fundEpoch(uint256 epoch, uint256 amount) external nonReentrant whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        uint256 current = currentEpoch();
        if (epoch < current) revert EpochInPast(epoch, current);
        if (epoch > current + MAX_EPOCHS_AHEAD) revert EpochTooFarAhead(epoch, current);
        _accrue();
        uint256 pool = _epochs[epoch].funded + amount;
        _epochs[epoch].funded = SafeCast.toUint128(pool);
        totalFunded += amount;
        emit EpochFunded(epoch, msg.sender, amount, pool);
        rewardToken.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Pull all rewards earned by the caller.
    function claim() external nonReentrant returns (uint256 amount) {
        _accrue();
        Account storage a = _accounts[msg.sender];
        _settle(a);
        amount = a.accrued;
        if (amount == 0) revert NothingToClaim();
        a.accrued = 0;
        totalClaimed += amount;
        emit RewardsClaimed(msg.sender, amount);
        rewardToken.safeTransfer(msg.sender, amount);
    }

    /// @notice Credit rewards that were streamed while nobody had weight to the treasury, which
    ///         pulls them with `claim`. Anyone may call.
    function sweepUnallocated() external nonReentrant whenNotPaused {
        _accrue();
        uint256 amount = _unallocated;
        if (amount == 0) revert ZeroAmount();
        _unallocated = 0;
        _accounts[treasury].accrued += amount;
        emit UnallocatedSwept(treasury, amount);
    }

    // ------------------------------------------------------------------ weights

    /// @inheritdoc IStakeListener
    /// @dev Permissionless: re-reads the stake from Staking and recomputes the weight.
    function onStakeChanged(address provider) external {
        _accrue();
        _updateWeight(provider);
    }

    /// @notice Set the reputation multiplier of `provider` (bps, 10_000 = 1x).
    function setReputation(address provider, uint256 multiplierBps) external onlyRole(PLATFORM_ROLE) whenNotPaused {
        if (provider == address(0)) revert ZeroAddress();
        if (multiplierBps < minMultiplierBps || multiplierBps > maxMultiplierBps) {
            revert MultiplierOutOfBounds(multiplierBps, minMultiplierBps, maxMultiplierBps);
        }
        _accrue();
        _accounts[provider].multiplierBps = multiplierBps;
        emit ReputationSet(provider, multiplierBps);
        _updateWeight(provider);
    }

    // ------------------------------------------------------------------ governance

    /// @notice New bounds apply to new multipliers; existing ones are clamped into the bounds
    ///         the next time the provider's weight is updated.
    function setMultiplierBounds(uint256 minBps, uint256 maxBps) external onlyRole(GOVERNOR_ROLE) {
        if (minBps < HARD_MIN_MULTIPLIER_BPS || minBps > BPS || maxBps < BPS || maxBps > HARD_MAX_MULTIPLIER_BPS) {
            revert InvalidMultiplierBounds(minBps, maxBps);
        }
        minMultiplierBps = minBps;
        maxMultiplierBps = maxBps;
        emit MultiplierBoundsUpdated(minBps, maxBps);
    }

    function setTreasury(address newTreasury) external onlyRole(GOVERNOR_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }

    // ------------------------------------------------------------------ views

    function currentEpoch() public view returns (uint256) {
        return (block.timestamp - genesis) / epochDuration;
    }

    /// @notice Amount funded for `epoch`.
    function epochPool(uint256 epoch) external view returns (uint256) {
        return _epochs[epoch].funded;
    }

    /// @notice Amount of `epoch`'s pool streamed so far (as of the last accrual).
    function epochReleased(uint256 epoch) external view returns (uint256) {
        return _epochs[epoch].released;
    }

    /// @notice Rewards `account` could claim now.
    function earned(address account) external view returns (uint256) {
        Account storage a = _accounts[account];
        uint256 rpw = rewardPerWeight;
        uint256 tw = totalWeight;
        if (tw != 0) rpw += (_pendingRelease() * PRECISION) / tw;
        return a.accrued + (a.weight * (rpw - a.rewardPerWeightPaid)) / PRECISION;
    }

    /// @notice Streamed while nobody had weight (up to now); sweepable to the treasury.
    function unallocated() external view returns (uint256) {
        return totalWeight == 0 ? _unallocated + _pendingRelease() : _unallocated;
    }

    /// @notice Multiplier applied to `provider` (bps), after defaults and clamping.
    function multiplierOf(address provider) public view returns (uint256) {
        uint256 m = _accounts[provider].multiplierBps;
        if (m == 0) return BPS;
        if (m < minMultiplierBps) return minMultiplierBps;
        if (m > maxMultiplierBps) return maxMultiplierBps;
        return m;
    }

    /// @notice Cached reward weight of `provider`.
    function weightOf(address provider) external view returns (uint256) {
        return _accounts[provider].weight;
    }

    /// @notice Funded but not yet streamed (all epochs, including future ones).
    function unreleased() external view returns (uint256) {
        return totalFunded - totalReleased - _pendingRelease();
    }

    // ------------------------------------------------------------------ internal

    /// @dev Stream every epoch pool up to now into the accumulator.
    function _accrue() private {
        uint256 from = lastAccrual;
        uint256 to = block.timestamp;
        if (to == from) return;
        uint256 released;
        while (from < to) {
            uint256 epoch = (from - genesis) / epochDuration;
            (uint256 amount, uint256 segmentEnd) = _segment(epoch, from, to);
            if (amount != 0) {
                // amount <= funded - released, so the sum fits in 128 bits.
                // forge-lint: disable-next-line(unsafe-typecast)
                _epochs[epoch].released += uint128(amount);
                released += amount;
            }
            from = segmentEnd;
        }
        lastAccrual = to;
        if (released == 0) return;
        totalReleased += released;
        uint256 tw = totalWeight;
        if (tw == 0) _unallocated += released;
        else rewardPerWeight += (released * PRECISION) / tw;
    }

    /// @dev What `_accrue` would stream if called now.
    function _pendingRelease() private view returns (uint256 released) {
        uint256 from = lastAccrual;
        uint256 to = block.timestamp;
        while (from < to) {
            (uint256 amount, uint256 segmentEnd) = _segment((from - genesis) / epochDuration, from, to);
            released += amount;
            from = segmentEnd;
        }
    }

    /// @dev Amount of `epoch`'s pool streamed between `from` (inside the epoch) and the end of
    ///      the epoch or `to`, whichever is first. What is left is streamed linearly over what is
    ///      left of the epoch; the segment that reaches the end of the epoch releases the exact
    ///      remainder, so nothing is lost to rounding.
    function _segment(uint256 epoch, uint256 from, uint256 to)
        private
        view
        returns (uint256 amount, uint256 segmentEnd)
    {
        uint256 epochEnd = genesis + (epoch + 1) * epochDuration;
        segmentEnd = epochEnd < to ? epochEnd : to;
        EpochPool memory e = _epochs[epoch];
        uint256 remaining = e.funded - e.released;
        if (remaining == 0) return (0, segmentEnd);
        amount = segmentEnd == epochEnd ? remaining : (remaining * (segmentEnd - from)) / (epochEnd - from);
    }

    function _settle(Account storage a) private {
        uint256 rpw = rewardPerWeight;
        uint256 w = a.weight;
        if (w != 0) a.accrued += (w * (rpw - a.rewardPerWeightPaid)) / PRECISION;
        a.rewardPerWeightPaid = rpw;
    }

    function _updateWeight(address provider) private {
        Account storage a = _accounts[provider];
        _settle(a);
        uint256 stake = staking.stakeOf(provider);
        uint256 multiplier = multiplierOf(provider);
        uint256 weight = (stake * multiplier) / BPS;
        totalWeight = totalWeight - a.weight + weight;
        a.weight = weight;
        emit WeightUpdated(provider, stake, multiplier, weight);
    }
}
