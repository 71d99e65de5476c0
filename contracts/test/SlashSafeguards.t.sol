// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {Staking} from "../src/Staking.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {SeparatedRoles} from "../src/utils/SeparatedRoles.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @notice Issue #16, staking side: the slasher's hot key is bounded. It cannot rule on its own
///         slashes, cannot take more than the period cap however many evidence hashes it cites,
///         cannot send the funds where it likes, and an absent arbiter cannot keep a disputed
///         stake. A pause stops slashing and rulings and keeps the providers' exits open.
contract SlashSafeguardsTest is Fixture {
    function setUp() public override {
        super.setUp();
        // The deployment default: half of the stake per week (the fixture lifts it).
        vm.prank(governor);
        staking.setSlashPeriodCap(7 days, 5_000);
        _stake(alice, 10_000 ether);
    }

    function _slash(uint256 amount, bytes32 evidence) internal {
        vm.prank(slasher);
        staking.slash(alice, amount, evidence, address(0));
    }

    // ------------------------------------------------------------------ roles

    function test_roles_theSlasherCanNeverBeTheArbiter() public {
        bytes32 arbiterRole = staking.ARBITER_ROLE();
        bytes32 slasherRole = staking.SLASHER_ROLE();
        vm.startPrank(admin);
        vm.expectRevert(abi.encodeWithSelector(SeparatedRoles.RoleConflict.selector, slasher, arbiterRole, slasherRole));
        staking.grantRole(arbiterRole, slasher);
        vm.expectRevert(abi.encodeWithSelector(SeparatedRoles.RoleConflict.selector, arbiter, slasherRole, arbiterRole));
        staking.grantRole(slasherRole, arbiter);
        // After giving one role up, the other may be granted.
        staking.revokeRole(slasherRole, slasher);
        staking.grantRole(arbiterRole, slasher);
        vm.stopPrank();
        assertTrue(staking.hasRole(arbiterRole, slasher));
    }

    // ------------------------------------------------------------------ period cap

    /// Before the fix each slash was capped alone: ten evidence hashes took ten times the cap.
    function test_periodCap_boundsRepeatedSlashesOfOneProvider() public {
        // 10,000 staked: the period allows 5,000 in all, each slash at most 50% of what is left.
        _slash(3_000 ether, keccak256("e1"));
        _slash(2_000 ether, keccak256("e2"));
        assertEq(staking.maxSlashOf(alice), 0);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsPeriodCap.selector, 1, 0));
        _slash(1, keccak256("e3"));
        (Staking.SlashPeriodUse memory use, uint256 left) = staking.slashPeriodOf(alice);
        assertEq(use.base, 10_000 ether);
        assertEq(use.used, 5_000 ether);
        assertEq(left, 0);
    }

    function test_periodCap_aNewPeriodMeasuresTheStakeLeft() public {
        _slash(5_000 ether, keccak256("e1"));
        vm.warp(block.timestamp + 7 days);
        assertEq(staking.maxSlashOf(alice), 2_500 ether);
        _slash(2_500 ether, keccak256("e2"));
        assertEq(staking.slashableOf(alice), 2_500 ether);
    }

    function test_periodCap_restoredSlashesStayCharged() public {
        _slash(5_000 ether, keccak256("e1"));
        vm.prank(alice);
        staking.disputeSlash(keccak256("e1"));
        vm.prank(arbiter);
        staking.resolveSlashDispute(keccak256("e1"), true);
        assertEq(staking.slashableOf(alice), 10_000 ether);
        assertEq(staking.maxSlashOf(alice), 0);
    }

    function test_periodCap_isBoundedAndGovernanceOnly() public {
        vm.startPrank(governor);
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.SlashPeriodOutOfBounds.selector, 1 hours));
        staking.setSlashPeriodCap(1 hours, 1_000);
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.InvalidBps.selector, 10_001));
        staking.setSlashPeriodCap(1 days, 10_001);
        vm.stopPrank();
        vm.expectRevert(_unauthorized(slasher, staking.GOVERNOR_ROLE()));
        vm.prank(slasher);
        staking.setSlashPeriodCap(1 days, 10_000);
    }

    // ------------------------------------------------------------------ destinations

    /// Before the fix the slasher could name any beneficiary, itself included.
    function test_destination_theSlasherCannotPickItsOwnBeneficiary() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.DestinationNotAllowed.selector, slasher));
        vm.prank(slasher);
        staking.slash(alice, 1 ether, keccak256("e1"), slasher);
    }

    function test_destination_governanceAllowsTheRewardsPool() public {
        vm.prank(governor);
        staking.setSlashDestination(address(rewards), true);
        vm.prank(slasher);
        staking.slash(alice, 1 ether, keccak256("e1"), address(rewards));
        assertEq(staking.pendingSlash(keccak256("e1")).recipient, address(rewards));
        vm.prank(governor);
        staking.setSlashDestination(address(rewards), false);
        vm.expectRevert(abi.encodeWithSelector(Staking.DestinationNotAllowed.selector, address(rewards)));
        vm.prank(slasher);
        staking.slash(alice, 1 ether, keccak256("e2"), address(rewards));
    }

    // ------------------------------------------------------------------ ruling timeout

    /// Before the fix an arbiter that never ruled kept a disputed stake forever.
    function test_timeout_anUnruledDisputeRestoresTheStake() public {
        _slash(1_000 ether, keccak256("e1"));
        vm.prank(alice);
        staking.disputeSlash(keccak256("e1"));
        uint64 ruleBy = staking.pendingSlash(keccak256("e1")).ruleBy;
        assertEq(ruleBy, block.timestamp + staking.slashRulingTimeout());
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashRulingPending.selector, keccak256("e1"), ruleBy));
        staking.resolveSlashDisputeByTimeout(keccak256("e1"));

        vm.warp(uint256(ruleBy) + 1);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashRulingTimedOut.selector, keccak256("e1"), ruleBy));
        vm.prank(arbiter);
        staking.resolveSlashDispute(keccak256("e1"), false);

        vm.expectEmit(address(staking));
        emit Staking.SlashDisputeTimedOut(keccak256("e1"), alice, ruleBy);
        vm.prank(stranger);
        staking.resolveSlashDisputeByTimeout(keccak256("e1"));
        assertEq(staking.stakeOf(alice), 10_000 ether);
        assertEq(staking.totalPendingSlashes(), 0);
        assertTrue(staking.pendingSlash(keccak256("e1")).status == Staking.SlashStatus.Restored);
    }

    // ------------------------------------------------------------------ pause

    function test_pause_stopsSlashingButNotTheProvidersExits() public {
        _slash(1_000 ether, keccak256("e1"));
        address guardian = makeAddr("guardian");
        bytes32 guardianRole = staking.GUARDIAN_ROLE();
        vm.prank(admin);
        staking.grantRole(guardianRole, guardian);
        vm.prank(guardian);
        staking.pause();

        vm.expectRevert(Pausable.EnforcedPause.selector);
        _slash(1 ether, keccak256("e2"));
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _stake(bob, 1 ether);

        // The provider defends itself and leaves.
        vm.startPrank(alice);
        staking.disputeSlash(keccak256("e1"));
        staking.requestUnbond(1_000 ether);
        vm.stopPrank();
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(alice);
        staking.withdraw();

        vm.expectRevert(_unauthorized(guardian, staking.GOVERNOR_ROLE()));
        vm.prank(guardian);
        staking.unpause();
        vm.prank(governor);
        staking.unpause();
        _slash(1 ether, keccak256("e2"));
    }

    function test_pause_rewardsAndRegistryKeepClaimsOpen() public {
        vm.startPrank(governor);
        rewards.pause();
        registry.pause();
        vm.stopPrank();
        uint256 epoch = rewards.currentEpoch();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        rewards.fundEpoch(epoch, 1 ether);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(platform);
        rewards.setReputation(alice, 10_000);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(platform);
        registry.registerModel(alice, keccak256("w"), "uri", 0, new address[](0), new uint16[](0));
        // Stake changes still reach Rewards (unbonding must never block).
        vm.prank(alice);
        staking.requestUnbond(1 ether);
        vm.expectRevert(_unauthorized(platform, rewards.GOVERNOR_ROLE()));
        vm.prank(platform);
        rewards.unpause();
    }
}
