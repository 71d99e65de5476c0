// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./Fixture.sol";
import {OAIToken} from "../../src/OAIToken.sol";
import {StakingConfig} from "../../src/staking/StakingConfig.sol";
import {Staking} from "../../src/Staking.sol";
import {IStakeListener} from "../../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Shared set-up of the Staking unit suites: the evidence hash, call and conservation helpers.
abstract contract StakingTestBase is Fixture {
    bytes32 internal constant EVIDENCE = keccak256("evidence-1");

    function _try(address caller, bytes memory data) internal returns (bool ok, bytes memory ret) {
        vm.prank(caller);
        (ok, ret) = address(staking).call(data);
    }

    function _assertConservation() internal view {
        assertEq(
            oai.balanceOf(address(staking)),
            staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable() + staking.totalPendingSlashes(),
            "staking balance"
        );
    }

    function _slashAlice(uint256 stakeAmount, uint256 unbondAmount, uint256 amount, address beneficiary)
        internal
        returns (uint64 disputeUntil)
    {
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        vm.prank(slasher);
        staking.slash(alice, amount, EVIDENCE, beneficiary);
        disputeUntil = staking.pendingSlash(EVIDENCE).disputeUntil;
    }

    function _dispute() internal {
        vm.prank(alice);
        staking.disputeSlash(EVIDENCE);
    }

    function _status(bytes32 evidence) internal view returns (Staking.SlashStatus) {
        return staking.pendingSlash(evidence).status;
    }
}
