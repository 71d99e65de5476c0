// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IStakeListener} from "../interfaces/IStaking.sol";
import {EmergencyPause} from "../utils/EmergencyPause.sol";
import {SeparatedRoles} from "../utils/SeparatedRoles.sol";

/// @title StakingConfig
/// @notice Roles and governance parameters of Staking, apart from its accounting so each stays
///         readable. Every parameter has hard bounds; GOVERNOR_ROLE changes them.
abstract contract StakingConfig is EmergencyPause, SeparatedRoles {
    /// @notice May slash providers. Never held by an ARBITER_ROLE holder.
    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");
    /// @notice Decides disputed slashes. Never held by a SLASHER_ROLE holder.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");

    uint256 public constant BPS = 10_000;
    /// @notice Upper bound for the unbonding cooldown.
    uint256 public constant MAX_UNBONDING_PERIOD = 365 days;
    /// @notice Upper bound for the slash dispute window.
    uint256 public constant MAX_DISPUTE_WINDOW = 30 days;
    /// @notice Dispute window set at deployment.
    uint256 public constant DEFAULT_DISPUTE_WINDOW = 2 days;
    /// @notice Bounds and default of the time the arbiter has to rule on a disputed slash.
    uint256 public constant MIN_RULING_TIMEOUT = 1 days;
    uint256 public constant MAX_RULING_TIMEOUT = 90 days;
    uint256 public constant DEFAULT_RULING_TIMEOUT = 14 days;
    /// @notice Bounds and default of the period the cumulative slash cap applies to.
    uint256 public constant MIN_SLASH_PERIOD = 1 days;
    uint256 public constant MAX_SLASH_PERIOD = 365 days;
    uint256 public constant DEFAULT_SLASH_PERIOD = 7 days;
    /// @notice Default cumulative cap: half of a provider's stake per period.
    uint256 public constant DEFAULT_PERIOD_SLASH_BPS = 5_000;

    /// @notice Minimum active stake for `isStaked`.
    uint256 public minStake;
    /// @notice Cooldown between an unbonding request and withdrawal, in seconds.
    uint256 public unbondingPeriod;
    /// @notice Maximum share of a provider's total stake (active + unbonding) one slash may take.
    uint256 public maxSlashBps;
    /// @notice Receives slashed funds when no other allowed destination is named.
    address public treasury;
    /// @notice Notified after every change of active stake (Rewards); may be unset.
    IStakeListener public stakeListener;
    /// @notice Seconds after a slash during which the provider may dispute it.
    uint256 public disputeWindow;
    /// @notice Seconds the arbiter has, from the dispute, to rule; after that the slash is
    ///         restored by anyone (an absent arbiter cannot keep a provider's stake).
    uint256 public slashRulingTimeout;
    /// @notice Length of a provider's slash period, which starts at its first slash after the
    ///         previous period ended.
    uint256 public slashPeriod;
    /// @notice Most that all slashes of a provider within one period may take together, as a
    ///         share of its stake (active + unbonding) when the period began.
    uint256 public maxPeriodSlashBps;
    /// @notice Accounts other than the treasury that may receive slashed funds (e.g. Rewards).
    mapping(address destination => bool) public slashDestinationAllowed;

    event MinStakeUpdated(uint256 previous, uint256 current);
    event UnbondingPeriodUpdated(uint256 previous, uint256 current);
    event MaxSlashBpsUpdated(uint256 previous, uint256 current);
    event TreasuryUpdated(address indexed previous, address indexed current);
    event StakeListenerUpdated(address indexed previous, address indexed current);
    event DisputeWindowUpdated(uint256 previous, uint256 current);
    event SlashRulingTimeoutUpdated(uint256 previous, uint256 current);
    event SlashPeriodCapUpdated(uint256 period, uint256 maxPeriodSlashBps);
    event SlashDestinationUpdated(address indexed destination, bool allowed);

    error ZeroAddress();
    error InvalidBps(uint256 bps);
    error UnbondingPeriodTooLong(uint256 period);
    error DisputeWindowTooLong(uint256 window);
    error RulingTimeoutOutOfBounds(uint256 timeout);
    error SlashPeriodOutOfBounds(uint256 period);

    constructor(address admin, address treasury_, uint256 minStake_, uint256 unbondingPeriod_, uint256 maxSlashBps_) {
        if (admin == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (unbondingPeriod_ > MAX_UNBONDING_PERIOD) revert UnbondingPeriodTooLong(unbondingPeriod_);
        if (maxSlashBps_ > BPS) revert InvalidBps(maxSlashBps_);
        treasury = treasury_;
        minStake = minStake_;
        unbondingPeriod = unbondingPeriod_;
        maxSlashBps = maxSlashBps_;
        disputeWindow = DEFAULT_DISPUTE_WINDOW;
        slashRulingTimeout = DEFAULT_RULING_TIMEOUT;
        slashPeriod = DEFAULT_SLASH_PERIOD;
        maxPeriodSlashBps = DEFAULT_PERIOD_SLASH_BPS;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryUpdated(address(0), treasury_);
        emit MinStakeUpdated(0, minStake_);
        emit UnbondingPeriodUpdated(0, unbondingPeriod_);
        emit MaxSlashBpsUpdated(0, maxSlashBps_);
        emit DisputeWindowUpdated(0, DEFAULT_DISPUTE_WINDOW);
        emit SlashRulingTimeoutUpdated(0, DEFAULT_RULING_TIMEOUT);
        emit SlashPeriodCapUpdated(DEFAULT_SLASH_PERIOD, DEFAULT_PERIOD_SLASH_BPS);
    }

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

    /// @dev Applies to future disputes; open ones keep their `ruleBy`.
    function setSlashRulingTimeout(uint256 newTimeout) external onlyRole(GOVERNOR_ROLE) {
        if (newTimeout < MIN_RULING_TIMEOUT || newTimeout > MAX_RULING_TIMEOUT) {
            revert RulingTimeoutOutOfBounds(newTimeout);
        }
        emit SlashRulingTimeoutUpdated(slashRulingTimeout, newTimeout);
        slashRulingTimeout = newTimeout;
    }

    /// @notice Set the cumulative cap: at most `newMaxBps` of a provider's stake per `newPeriod`.
    /// @dev    A running period keeps its start and base; the new length and share apply to it
    ///         at once (a tighter cap never lets more through).
    function setSlashPeriodCap(uint256 newPeriod, uint256 newMaxBps) external onlyRole(GOVERNOR_ROLE) {
        if (newPeriod < MIN_SLASH_PERIOD || newPeriod > MAX_SLASH_PERIOD) revert SlashPeriodOutOfBounds(newPeriod);
        if (newMaxBps > BPS) revert InvalidBps(newMaxBps);
        slashPeriod = newPeriod;
        maxPeriodSlashBps = newMaxBps;
        emit SlashPeriodCapUpdated(newPeriod, newMaxBps);
    }

    /// @notice Allow or forbid an account (other than the treasury) as a slash recipient.
    function setSlashDestination(address destination, bool allowed) external onlyRole(GOVERNOR_ROLE) {
        if (destination == address(0)) revert ZeroAddress();
        slashDestinationAllowed[destination] = allowed;
        emit SlashDestinationUpdated(destination, allowed);
    }

    /// @notice Wire the rewards contract (or unset with address(0)). Providers that staked
    ///         before a listener was set must be synced on it (Rewards.onStakeChanged).
    function setStakeListener(IStakeListener newListener) external onlyRole(DEFAULT_ADMIN_ROLE) {
        emit StakeListenerUpdated(address(stakeListener), address(newListener));
        stakeListener = newListener;
    }

    /// @dev The slasher must never rule on its own slashes.
    function _exclusiveWith(bytes32 role) internal pure override returns (bytes32) {
        if (role == SLASHER_ROLE) return ARBITER_ROLE;
        if (role == ARBITER_ROLE) return SLASHER_ROLE;
        return bytes32(0);
    }

    function _grantRole(bytes32 role, address account) internal override(AccessControl, SeparatedRoles) returns (bool) {
        return super._grantRole(role, account);
    }
}
