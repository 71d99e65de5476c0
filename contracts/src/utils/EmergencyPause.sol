// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @title EmergencyPause
/// @notice The emergency switch every contract that moves funds shares. Pausing is cheap to
///         allow and unpausing is not: GUARDIAN_ROLE (a fast-response key or multisig) or
///         governance may pause, and only GOVERNOR_ROLE may unpause. A leaked guardian key can
///         therefore freeze new activity but never resume it on an attacker's schedule, and a
///         pause can only be lifted by the same governance that can fix what went wrong.
/// @dev    Each contract decides which functions a pause stops. The rule they follow: a pause
///         stops what the platform's hot keys do (payments, slashes, rulings, registrations)
///         and new deposits, and keeps open what returns users' own funds (withdrawals,
///         claims, unbonding, cancelling or closing one's own job, the provider's defence
///         against a slash, the timeouts that release funds). Freezing exits would turn an
///         emergency into a lock of honest users' money.
abstract contract EmergencyPause is AccessControl, Pausable {
    /// @notice Changes the contract's parameters and lifts a pause.
    bytes32 public constant GOVERNOR_ROLE = keccak256("GOVERNOR_ROLE");
    /// @notice May pause (never unpause).
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    error NotPauser(address caller);

    /// @notice Stop the functions a pause covers. GUARDIAN_ROLE or GOVERNOR_ROLE.
    function pause() external {
        if (!hasRole(GUARDIAN_ROLE, msg.sender) && !hasRole(GOVERNOR_ROLE, msg.sender)) {
            revert NotPauser(msg.sender);
        }
        _pause();
    }

    /// @notice Lift a pause. GOVERNOR_ROLE only.
    function unpause() external onlyRole(GOVERNOR_ROLE) {
        _unpause();
    }
}
