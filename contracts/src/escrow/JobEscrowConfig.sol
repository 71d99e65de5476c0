// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EmergencyPause} from "../utils/EmergencyPause.sol";
import {SeparatedRoles} from "../utils/SeparatedRoles.sol";
import {IStakingView} from "../interfaces/IStaking.sol";

/// @title JobEscrowConfig
/// @notice Roles and governance parameters of JobEscrow, apart from its accounting. Every
///         parameter has hard bounds; GOVERNOR_ROLE changes them.
abstract contract JobEscrowConfig is EmergencyPause, SeparatedRoles {
    /// @notice Starts jobs, releases task payments and marks jobs complete. Never held by an
    ///         ARBITER_ROLE holder.
    bytes32 public constant PLATFORM_ROLE = keccak256("PLATFORM_ROLE");
    /// @notice Resolves disputes. Never held by a PLATFORM_ROLE holder: the party that pays
    ///         must not rule on disputes about its payments.
    bytes32 public constant ARBITER_ROLE = keccak256("ARBITER_ROLE");

    uint256 public constant BPS = 10_000;
    uint256 public constant MAX_FEE_BPS = 2_000;
    uint256 public constant MAX_DISPUTE_WINDOW = 30 days;
    uint256 public constant MAX_JOB_DURATION = 365 days;
    /// @notice Bounds and default of the settlement window: the time after a job's own
    ///         deadline that its escrow must stay locked, so the platform can pay for the
    ///         last results and complete the job before the client may close it.
    uint256 public constant MIN_SETTLEMENT_WINDOW = 1 hours;
    uint256 public constant MAX_SETTLEMENT_WINDOW = 30 days;
    uint256 public constant DEFAULT_SETTLEMENT_WINDOW = 2 days;
    /// @notice Bounds and default of the time the arbiter has to rule on a job dispute.
    uint256 public constant MIN_RULING_TIMEOUT = 1 days;
    uint256 public constant MAX_RULING_TIMEOUT = 90 days;
    uint256 public constant DEFAULT_RULING_TIMEOUT = 14 days;

    /// @notice Platform fee on every payment to a provider, in bps.
    uint256 public feeBps;
    /// @notice Length of the dispute window that opens when a job is completed.
    uint256 public disputeWindow;
    /// @notice Receives platform fees (claimable).
    address public treasury;
    /// @notice When set, only staked providers may bid.
    IStakingView public immutable staking;
    /// @notice `startJob` requires escrow deadline >= job deadline + settlementWindow.
    uint256 public settlementWindow;
    /// @notice Seconds the arbiter has, from a dispute, to rule; after that anyone applies the
    ///         default outcome (`resolveDisputeByTimeout`).
    uint256 public disputeRulingTimeout;

    event FeeUpdated(uint256 previous, uint256 current);
    event DisputeWindowUpdated(uint256 previous, uint256 current);
    event TreasuryUpdated(address indexed previous, address indexed current);
    event SettlementWindowUpdated(uint256 previous, uint256 current);
    event DisputeRulingTimeoutUpdated(uint256 previous, uint256 current);

    error ZeroAddress();
    error FeeTooHigh(uint256 feeBps);
    error DisputeWindowTooLong(uint256 window);
    error SettlementWindowOutOfBounds(uint256 window);
    error RulingTimeoutOutOfBounds(uint256 timeout);

    constructor(address admin, address treasury_, uint256 feeBps_, uint256 disputeWindow_, IStakingView staking_) {
        if (admin == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (feeBps_ > MAX_FEE_BPS) revert FeeTooHigh(feeBps_);
        if (disputeWindow_ > MAX_DISPUTE_WINDOW) revert DisputeWindowTooLong(disputeWindow_);
        treasury = treasury_;
        feeBps = feeBps_;
        disputeWindow = disputeWindow_;
        staking = staking_;
        settlementWindow = DEFAULT_SETTLEMENT_WINDOW;
        disputeRulingTimeout = DEFAULT_RULING_TIMEOUT;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryUpdated(address(0), treasury_);
        emit FeeUpdated(0, feeBps_);
        emit DisputeWindowUpdated(0, disputeWindow_);
        emit SettlementWindowUpdated(0, DEFAULT_SETTLEMENT_WINDOW);
        emit DisputeRulingTimeoutUpdated(0, DEFAULT_RULING_TIMEOUT);
    }

    function setFeeBps(uint256 newFeeBps) external onlyRole(GOVERNOR_ROLE) {
        if (newFeeBps > MAX_FEE_BPS) revert FeeTooHigh(newFeeBps);
        emit FeeUpdated(feeBps, newFeeBps);
        feeBps = newFeeBps;
    }

    /// @dev Applies to jobs completed afterwards.
    function setDisputeWindow(uint256 newWindow) external onlyRole(GOVERNOR_ROLE) {
        if (newWindow > MAX_DISPUTE_WINDOW) revert DisputeWindowTooLong(newWindow);
        emit DisputeWindowUpdated(disputeWindow, newWindow);
        disputeWindow = newWindow;
    }

    function setTreasury(address newTreasury) external onlyRole(GOVERNOR_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }

    /// @dev Applies to jobs started afterwards; a started job's lock was checked at its start.
    function setSettlementWindow(uint256 newWindow) external onlyRole(GOVERNOR_ROLE) {
        if (newWindow < MIN_SETTLEMENT_WINDOW || newWindow > MAX_SETTLEMENT_WINDOW) {
            revert SettlementWindowOutOfBounds(newWindow);
        }
        emit SettlementWindowUpdated(settlementWindow, newWindow);
        settlementWindow = newWindow;
    }

    /// @dev Applies to disputes raised afterwards; open ones keep their `ruleBy`.
    function setDisputeRulingTimeout(uint256 newTimeout) external onlyRole(GOVERNOR_ROLE) {
        if (newTimeout < MIN_RULING_TIMEOUT || newTimeout > MAX_RULING_TIMEOUT) {
            revert RulingTimeoutOutOfBounds(newTimeout);
        }
        emit DisputeRulingTimeoutUpdated(disputeRulingTimeout, newTimeout);
        disputeRulingTimeout = newTimeout;
    }

    /// @dev The platform must never rule on disputes about its own payments.
    function _exclusiveWith(bytes32 role) internal pure override returns (bytes32) {
        if (role == PLATFORM_ROLE) return ARBITER_ROLE;
        if (role == ARBITER_ROLE) return PLATFORM_ROLE;
        return bytes32(0);
    }

    function _grantRole(bytes32 role, address account) internal override(AccessControl, SeparatedRoles) returns (bool) {
        return super._grantRole(role, account);
    }
}
