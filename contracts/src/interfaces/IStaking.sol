// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @notice Read-only view of provider stakes, used by JobEscrow (bid eligibility) and Rewards
///         (stake weights).
interface IStakingView {
    /// @notice Active (bonded) stake of `provider`; excludes amounts that are unbonding.
    function stakeOf(address provider) external view returns (uint256);

    /// @notice True when the active stake of `provider` is positive and at least the minimum stake.
    function isStaked(address provider) external view returns (bool);
}

/// @notice Receives a notification after the active stake of a provider has changed.
/// @dev    Staking calls this after every change of active stake; the listener must read the
///         new stake from Staking itself (the call carries no amount and is permissionless).
interface IStakeListener {
    function onStakeChanged(address provider) external;
}
