// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {Rewards} from "../src/Rewards.sol";
import {Staking} from "../src/Staking.sol";
import {IStakingView, IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract RewardsTest is Fixture {
    function _fundCurrent(uint256 amount) internal {
        rewards.fundEpoch(rewards.currentEpoch(), amount);
    }

    function _claim(address who) internal returns (uint256) {
        vm.prank(who);
        return rewards.claim();
    }

    // ------------------------------------------------------------------ constructor

    function test_constructor_setsParameters() public view {
        assertEq(address(rewards.rewardToken()), address(oai));
        assertEq(address(rewards.staking()), address(staking));
        assertEq(rewards.genesis(), block.timestamp);
        assertEq(rewards.epochDuration(), EPOCH);
        assertEq(rewards.minMultiplierBps(), 5_000);
        assertEq(rewards.maxMultiplierBps(), 15_000);
        assertEq(rewards.treasury(), treasury);
        assertEq(rewards.currentEpoch(), 0);
    }

    function test_constructor_revertsOnZeroAddresses() public {
        IStakingView s = IStakingView(address(staking));
        vm.expectRevert(Rewards.ZeroAddress.selector);
        new Rewards(IERC20(address(0)), s, admin, treasury, EPOCH);
        vm.expectRevert(Rewards.ZeroAddress.selector);
        new Rewards(oai, IStakingView(address(0)), admin, treasury, EPOCH);
        vm.expectRevert(Rewards.ZeroAddress.selector);
        new Rewards(oai, s, address(0), treasury, EPOCH);
        vm.expectRevert(Rewards.ZeroAddress.selector);
        new Rewards(oai, s, admin, address(0), EPOCH);
    }

    function test_constructor_revertsOnShortEpoch() public {
        vm.expectRevert(abi.encodeWithSelector(Rewards.EpochTooShort.selector, 1 days - 1));
        new Rewards(oai, IStakingView(address(staking)), admin, treasury, 1 days - 1);
    }

    // ------------------------------------------------------------------ funding

    function test_fundEpoch_recordsPoolAndPullsTokens() public {
        vm.expectEmit(address(rewards));
        emit Rewards.EpochFunded(2, address(this), 70 ether, 70 ether);
        rewards.fundEpoch(2, 70 ether);
        assertEq(rewards.epochPool(2), 70 ether);
        assertEq(rewards.totalFunded(), 70 ether);
        assertEq(rewards.unreleased(), 70 ether);
        assertEq(oai.balanceOf(address(rewards)), 70 ether);
    }

    function test_fundEpoch_revertsOnZero() public {
        vm.expectRevert(Rewards.ZeroAmount.selector);
        rewards.fundEpoch(0, 0);
    }

    function test_fundEpoch_revertsForPastEpoch() public {
        vm.warp(block.timestamp + 2 * EPOCH);
        vm.expectRevert(abi.encodeWithSelector(Rewards.EpochInPast.selector, 1, 2));
        rewards.fundEpoch(1, 1 ether);
    }

    function test_fundEpoch_revertsTooFarAhead() public {
        uint256 tooFar = rewards.MAX_EPOCHS_AHEAD() + 1;
        vm.expectRevert(abi.encodeWithSelector(Rewards.EpochTooFarAhead.selector, tooFar, 0));
        rewards.fundEpoch(tooFar, 1 ether);
    }

    // ------------------------------------------------------------------ distribution

    function test_singleStakerReceivesWholeEpochPool() public {
        _stake(alice, 5_000 ether);
        _fundCurrent(700 ether);
        vm.warp(block.timestamp + EPOCH / 2);
        assertEq(rewards.earned(alice), 350 ether);
        vm.warp(block.timestamp + EPOCH);
        assertEq(rewards.earned(alice), 700 ether);
        uint256 before = oai.balanceOf(alice);
        vm.expectEmit(address(rewards));
        emit Rewards.RewardsClaimed(alice, 700 ether);
        assertEq(_claim(alice), 700 ether);
        assertEq(oai.balanceOf(alice), before + 700 ether);
        assertEq(rewards.earned(alice), 0);
        assertEq(rewards.unreleased(), 0);
    }

    function test_proRataToStake() public {
        _stake(alice, 1_000 ether);
        _stake(bob, 3_000 ether);
        _fundCurrent(400 ether);
        vm.warp(block.timestamp + EPOCH);
        assertApproxEqAbs(_claim(alice), 100 ether, 10);
        assertApproxEqAbs(_claim(bob), 300 ether, 10);
        assertLe(rewards.totalClaimed(), 400 ether);
    }

    function test_timeWeighted_lateJoinerGetsShareOfRemainingStream() public {
        _stake(alice, 1_000 ether);
        _fundCurrent(700 ether);
        vm.warp(block.timestamp + EPOCH / 2); // alice alone: 350
        _stake(bob, 1_000 ether); // then 175 each
        vm.warp(block.timestamp + EPOCH);
        assertApproxEqAbs(_claim(alice), 525 ether, 10);
        assertApproxEqAbs(_claim(bob), 175 ether, 10);
    }

    function test_fundingCurrentEpochMidwayStreamsOverTheRest() public {
        _stake(alice, 1_000 ether);
        vm.warp(block.timestamp + EPOCH / 2);
        _fundCurrent(100 ether);
        vm.warp(block.timestamp + EPOCH / 4);
        assertApproxEqAbs(rewards.earned(alice), 50 ether, 10);
        vm.warp(block.timestamp + EPOCH / 4);
        assertEq(rewards.earned(alice), 100 ether);
    }

    function test_futureEpochsStreamInTurn() public {
        _stake(alice, 1_000 ether);
        rewards.fundEpoch(1, 10 ether);
        rewards.fundEpoch(3, 30 ether);
        vm.warp(block.timestamp + EPOCH);
        assertEq(rewards.earned(alice), 0, "epoch 0 unfunded");
        vm.warp(block.timestamp + EPOCH);
        assertEq(rewards.earned(alice), 10 ether);
        vm.warp(block.timestamp + 10 * EPOCH);
        assertEq(rewards.earned(alice), 40 ether);
        assertEq(_claim(alice), 40 ether);
    }

    function test_unbondingStakeStopsEarning() public {
        _stake(alice, 1_000 ether);
        _stake(bob, 1_000 ether);
        vm.prank(bob);
        staking.requestUnbond(1_000 ether);
        _fundCurrent(100 ether);
        vm.warp(block.timestamp + EPOCH);
        assertEq(rewards.earned(bob), 0);
        assertEq(rewards.earned(alice), 100 ether);
    }

    function test_slashReducesWeight() public {
        _stake(alice, 1_000 ether);
        _stake(bob, 1_000 ether);
        vm.prank(slasher);
        staking.slash(bob, 500 ether, keccak256("e"), address(0));
        assertEq(rewards.weightOf(bob), 500 ether);
        _fundCurrent(300 ether);
        vm.warp(block.timestamp + EPOCH);
        assertApproxEqAbs(rewards.earned(alice), 200 ether, 10);
        assertApproxEqAbs(rewards.earned(bob), 100 ether, 10);
    }

    function test_reputationMultiplierScalesShare() public {
        _stake(alice, 1_000 ether);
        _stake(bob, 1_000 ether);
        vm.expectEmit(address(rewards));
        emit Rewards.ReputationSet(alice, 15_000);
        vm.prank(platform);
        rewards.setReputation(alice, 15_000);
        assertEq(rewards.multiplierOf(alice), 15_000);
        assertEq(rewards.weightOf(alice), 1_500 ether);
        _fundCurrent(500 ether);
        vm.warp(block.timestamp + EPOCH);
        assertApproxEqAbs(rewards.earned(alice), 300 ether, 10);
        assertApproxEqAbs(rewards.earned(bob), 200 ether, 10);
    }

    function test_reputationChangeSettlesEarlierRewardsFirst() public {
        _stake(alice, 1_000 ether);
        _stake(bob, 1_000 ether);
        _fundCurrent(400 ether);
        vm.warp(block.timestamp + EPOCH / 2); // 100 each so far
        vm.prank(platform);
        rewards.setReputation(bob, 5_000); // then 2:1 for the other 200
        vm.warp(block.timestamp + EPOCH);
        assertApproxEqAbs(rewards.earned(alice), 100 ether + 133.333333333333333333 ether, 1e6);
        assertApproxEqAbs(rewards.earned(bob), 100 ether + 66.666666666666666666 ether, 1e6);
    }

    function test_setReputation_revertsOutOfBounds() public {
        vm.startPrank(platform);
        vm.expectRevert(abi.encodeWithSelector(Rewards.MultiplierOutOfBounds.selector, 4_999, 5_000, 15_000));
        rewards.setReputation(alice, 4_999);
        vm.expectRevert(abi.encodeWithSelector(Rewards.MultiplierOutOfBounds.selector, 15_001, 5_000, 15_000));
        rewards.setReputation(alice, 15_001);
        vm.stopPrank();
    }

    function test_setReputation_revertsOnZeroProvider() public {
        vm.expectRevert(Rewards.ZeroAddress.selector);
        vm.prank(platform);
        rewards.setReputation(address(0), 10_000);
    }

    function test_setMultiplierBounds_clampsExistingMultipliersOnSync() public {
        _stake(alice, 1_000 ether);
        vm.prank(platform);
        rewards.setReputation(alice, 15_000);
        vm.expectEmit(address(rewards));
        emit Rewards.MultiplierBoundsUpdated(8_000, 12_000);
        vm.prank(governor);
        rewards.setMultiplierBounds(8_000, 12_000);
        assertEq(rewards.multiplierOf(alice), 12_000);
        assertEq(rewards.weightOf(alice), 1_500 ether, "cached until synced");
        rewards.onStakeChanged(alice);
        assertEq(rewards.weightOf(alice), 1_200 ether);
        vm.prank(platform);
        rewards.setReputation(bob, 8_000);
        vm.prank(governor);
        rewards.setMultiplierBounds(9_000, 12_000);
        assertEq(rewards.multiplierOf(bob), 9_000);
    }

    function test_setMultiplierBounds_revertsOnInvalidBounds() public {
        vm.startPrank(governor);
        vm.expectRevert(abi.encodeWithSelector(Rewards.InvalidMultiplierBounds.selector, 999, 15_000));
        rewards.setMultiplierBounds(999, 15_000);
        vm.expectRevert(abi.encodeWithSelector(Rewards.InvalidMultiplierBounds.selector, 10_001, 15_000));
        rewards.setMultiplierBounds(10_001, 15_000);
        vm.expectRevert(abi.encodeWithSelector(Rewards.InvalidMultiplierBounds.selector, 5_000, 9_999));
        rewards.setMultiplierBounds(5_000, 9_999);
        vm.expectRevert(abi.encodeWithSelector(Rewards.InvalidMultiplierBounds.selector, 5_000, 30_001));
        rewards.setMultiplierBounds(5_000, 30_001);
        vm.stopPrank();
    }

    function test_setTreasury() public {
        vm.expectEmit(address(rewards));
        emit Rewards.TreasuryUpdated(treasury, carol);
        vm.prank(governor);
        rewards.setTreasury(carol);
        assertEq(rewards.treasury(), carol);
        vm.expectRevert(Rewards.ZeroAddress.selector);
        vm.prank(governor);
        rewards.setTreasury(address(0));
    }

    // ------------------------------------------------------------------ unallocated, claims, sync

    function test_streamWithoutStakersIsSweptToTreasury() public {
        _fundCurrent(100 ether);
        vm.warp(block.timestamp + EPOCH / 2);
        // Views include the stream since the last update, before anything is written.
        assertEq(rewards.unallocated(), 50 ether);
        assertEq(rewards.unreleased(), 50 ether);
        _stake(alice, 1_000 ether);
        vm.warp(block.timestamp + EPOCH);
        assertEq(rewards.unallocated(), 50 ether);
        vm.expectEmit(address(rewards));
        emit Rewards.UnallocatedSwept(treasury, 50 ether);
        rewards.sweepUnallocated();
        assertEq(rewards.unallocated(), 0);
        assertEq(_claim(treasury), 50 ether);
        assertEq(_claim(alice), 50 ether);
        assertEq(oai.balanceOf(address(rewards)), 0);
    }

    function test_sweepUnallocated_revertsWhenEmpty() public {
        vm.expectRevert(Rewards.ZeroAmount.selector);
        rewards.sweepUnallocated();
    }

    function test_claim_revertsWhenNothingEarned() public {
        vm.expectRevert(Rewards.NothingToClaim.selector);
        _claim(alice);
    }

    function test_onStakeChanged_syncsProvidersThatStakedBeforeWiring() public {
        vm.prank(admin);
        staking.setStakeListener(IStakeListener(address(0)));
        _stake(alice, 1_000 ether);
        assertEq(rewards.weightOf(alice), 0);
        vm.prank(stranger);
        rewards.onStakeChanged(alice);
        assertEq(rewards.weightOf(alice), 1_000 ether);
    }

    function test_fundEpoch_revertsAbove128Bits() public {
        // The pool is checked before any tokens move, so no balance is needed.
        vm.expectRevert(
            abi.encodeWithSignature("SafeCastOverflowedUintDowncast(uint8,uint256)", 128, uint256(1) << 128)
        );
        rewards.fundEpoch(0, uint256(1) << 128);
    }

    function test_longIdleGapIsCaughtUp() public {
        _stake(alice, 1_000 ether);
        for (uint256 e = 0; e < 50; e += 7) {
            rewards.fundEpoch(e, 1 ether);
        }
        vm.warp(block.timestamp + 60 * EPOCH);
        assertEq(rewards.earned(alice), 8 ether);
        assertEq(_claim(alice), 8 ether);
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_paysAtMostFundedAndSplitsProRata(
        uint256 stakeA,
        uint256 stakeB,
        uint256 multA,
        uint256 pool,
        uint256 joinDelay
    ) public {
        stakeA = bound(stakeA, 1 ether, 1_000_000 ether);
        stakeB = bound(stakeB, 1 ether, 1_000_000 ether);
        multA = bound(multA, 5_000, 15_000);
        pool = bound(pool, 1, 1_000_000 ether);
        joinDelay = bound(joinDelay, 0, EPOCH);

        _stake(alice, stakeA);
        vm.prank(platform);
        rewards.setReputation(alice, multA);
        _fundCurrent(pool);
        vm.warp(block.timestamp + joinDelay);
        _stake(bob, stakeB);
        vm.warp(block.timestamp + EPOCH);

        uint256 a = rewards.earned(alice);
        uint256 b = rewards.earned(bob);
        assertLe(a + b, pool, "never more than funded");
        assertApproxEqAbs(a + b, pool, 4, "everything streamed is allocated (dust only)");
        // bob earned only after joining, pro rata to weight.
        uint256 weightA = (stakeA * multA) / 10_000;
        uint256 streamedAfterJoin = pool - (pool * joinDelay) / EPOCH;
        uint256 expectedB = (streamedAfterJoin * stakeB) / (weightA + stakeB);
        assertApproxEqAbs(b, expectedB, 4);

        if (a != 0) _claim(alice);
        if (b != 0) _claim(bob);
        assertEq(oai.balanceOf(address(rewards)), pool - a - b);
    }
}
