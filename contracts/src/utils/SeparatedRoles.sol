// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title SeparatedRoles
/// @notice Keeps pairs of roles on different accounts. A contract names, per role, the role its
///         holders must not also hold (the party that acts must not be the party that rules on
///         the act: the slasher and the slash arbiter, the paying platform and the job arbiter);
///         granting one to a holder of the other reverts, whoever grants it.
abstract contract SeparatedRoles is AccessControl {
    /// @notice `account` holds `heldRole`, which must not share a holder with `role`.
    error RoleConflict(address account, bytes32 role, bytes32 heldRole);

    /// @dev The role that must not share a holder with `role`; bytes32(0) for none (the admin
    ///      role is never exclusive, so its id doubles as "none").
    function _exclusiveWith(bytes32 role) internal pure virtual returns (bytes32);

    /// @dev Every grant, the constructor's included, passes through here.
    function _grantRole(bytes32 role, address account) internal virtual override returns (bool) {
        bytes32 other = _exclusiveWith(role);
        if (other != bytes32(0) && hasRole(other, account)) revert RoleConflict(account, role, other);
        return super._grantRole(role, account);
    }
}
