// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {OAIToken} from "../src/OAIToken.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {StakingTestBase} from "./utils/StakingTestBase.sol";

/// @notice Staking governance setters and fuzzed slash and dispute paths.
contract StakingGovernanceTest is StakingTestBase {
    // ------------------------------------------------------------------ governance setters

    function test_setDisputeWindow() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.DisputeWindowUpdated(2 days, 30 days);
        vm.prank(governor);
        staking.setDisputeWindow(30 days);
        assertEq(staking.disputeWindow(), 30 days);
    }

    function test_setDisputeWindow_revertsAboveMax() public {
        uint256 tooLong = staking.MAX_DISPUTE_WINDOW() + 1;
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.DisputeWindowTooLong.selector, tooLong));
        vm.prank(governor);
        staking.setDisputeWindow(tooLong);
    }

    function test_setDisputeWindow_revertsForNonGovernor() public {
        vm.expectRevert(_unauthorized(arbiter, staking.GOVERNOR_ROLE()));
        vm.prank(arbiter);
        staking.setDisputeWindow(1 days);
    }

    function test_setMinStake() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.MinStakeUpdated(MIN_STAKE, 5 ether);
        vm.prank(governor);
        staking.setMinStake(5 ether);
        assertEq(staking.minStake(), 5 ether);
    }

    function test_setUnbondingPeriod() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.UnbondingPeriodUpdated(UNBONDING, 1 days);
        vm.prank(governor);
        staking.setUnbondingPeriod(1 days);
        assertEq(staking.unbondingPeriod(), 1 days);
    }

    function test_setUnbondingPeriod_doesNotMovePendingRequests() public {
        _stake(alice, 2_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1 ether);
        vm.prank(governor);
        staking.setUnbondingPeriod(30 days);
        (, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(releaseAt, block.timestamp + UNBONDING);
    }

    function test_setUnbondingPeriod_revertsAboveMax() public {
        uint256 tooLong = staking.MAX_UNBONDING_PERIOD() + 1;
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.UnbondingPeriodTooLong.selector, tooLong));
        vm.prank(governor);
        staking.setUnbondingPeriod(tooLong);
    }

    function test_setMaxSlashBps() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.MaxSlashBpsUpdated(MAX_SLASH_BPS, 10_000);
        vm.prank(governor);
        staking.setMaxSlashBps(10_000);
        assertEq(staking.maxSlashBps(), 10_000);
    }

    function test_setMaxSlashBps_revertsAboveBps() public {
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.InvalidBps.selector, 10_001));
        vm.prank(governor);
        staking.setMaxSlashBps(10_001);
    }

    function test_setTreasury() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.TreasuryUpdated(treasury, carol);
        vm.prank(governor);
        staking.setTreasury(carol);
        assertEq(staking.treasury(), carol);
    }

    function test_setTreasury_revertsOnZero() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        vm.prank(governor);
        staking.setTreasury(address(0));
    }

    function test_setStakeListener_canUnset() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.StakeListenerUpdated(address(rewards), address(0));
        vm.prank(admin);
        staking.setStakeListener(IStakeListener(address(0)));
        _stake(alice, 2_000 ether);
        assertEq(rewards.weightOf(alice), 0, "listener no longer notified");
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_stakeUnbondWithdraw(uint256 stakeAmount, uint256 unbondAmount, uint256 wait) public {
        stakeAmount = bound(stakeAmount, 1, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 1, stakeAmount);
        wait = bound(wait, 0, 2 * UNBONDING);
        uint256 balanceBefore = oai.balanceOf(alice);
        _stake(alice, stakeAmount);
        vm.prank(alice);
        staking.requestUnbond(unbondAmount);
        assertEq(staking.stakeOf(alice), stakeAmount - unbondAmount);
        assertEq(staking.isStaked(alice), stakeAmount - unbondAmount >= MIN_STAKE);
        vm.warp(block.timestamp + wait);
        if (wait < UNBONDING) {
            vm.expectRevert(
                abi.encodeWithSelector(Staking.UnbondingNotReady.selector, block.timestamp - wait + UNBONDING)
            );
            vm.prank(alice);
            staking.withdraw();
        } else {
            vm.prank(alice);
            staking.withdraw();
            assertEq(oai.balanceOf(alice), balanceBefore - stakeAmount + unbondAmount);
        }
        _assertConservation();
    }

    function testFuzz_slashNeverExceedsShareOfStake(
        uint256 stakeAmount,
        uint256 unbondAmount,
        uint256 slashBps,
        uint256 slashAmount
    ) public {
        stakeAmount = bound(stakeAmount, 1, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 0, stakeAmount);
        slashBps = bound(slashBps, 0, 10_000);
        vm.prank(governor);
        staking.setMaxSlashBps(slashBps);
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        uint256 limit = (stakeAmount * slashBps) / 10_000;
        assertEq(staking.maxSlashOf(alice), limit);
        slashAmount = bound(slashAmount, 1, stakeAmount);
        if (slashAmount > limit) {
            vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsLimit.selector, slashAmount, limit));
            vm.prank(slasher);
            staking.slash(alice, slashAmount, EVIDENCE, address(0));
            return;
        }
        vm.prank(slasher);
        staking.slash(alice, slashAmount, EVIDENCE, bob);
        (uint256 unbonding,) = staking.unbondingOf(alice);
        assertEq(staking.stakeOf(alice) + unbonding, stakeAmount - slashAmount);
        Staking.PendingSlash memory p = staking.pendingSlash(EVIDENCE);
        assertLe(p.fromActive, stakeAmount - unbondAmount, "from active <= active");
        assertLe(p.fromUnbonding, unbondAmount, "from unbonding <= unbonding");
        assertEq(p.fromActive + p.fromUnbonding, slashAmount);
        assertEq(staking.totalPendingSlashes(), slashAmount);
        _assertConservation();
    }

    /// A slash followed by any legal path (finalized after the window, disputed and rejected,
    /// disputed and upheld) conserves funds, and an upheld dispute puts back exactly what the
    /// slash took.
    function testFuzz_slashDisputePaths(
        uint256 stakeAmount,
        uint256 unbondAmount,
        uint256 slashAmount,
        uint256 wait,
        uint8 path
    ) public {
        stakeAmount = bound(stakeAmount, 2, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 0, stakeAmount);
        slashAmount = bound(slashAmount, 1, (stakeAmount * MAX_SLASH_BPS) / 10_000);
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        (uint256 unbondingBefore, uint256 releaseBefore) = staking.unbondingOf(alice);
        uint256 activeBefore = staking.stakeOf(alice);
        vm.prank(slasher);
        staking.slash(alice, slashAmount, EVIDENCE, bob);
        _assertConservation();
        uint64 until = staking.pendingSlash(EVIDENCE).disputeUntil;
        wait = bound(wait, 0, 4 days);
        vm.warp(block.timestamp + wait);
        bool open = block.timestamp <= until;

        if (path % 3 == 0) {
            if (open) {
                vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowOpen.selector, EVIDENCE, until));
                staking.finalizeSlash(EVIDENCE);
                return;
            }
            staking.finalizeSlash(EVIDENCE);
            assertEq(staking.claimable(bob), slashAmount);
        } else {
            if (!open) {
                vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowClosed.selector, EVIDENCE, until));
                _dispute();
                return;
            }
            _dispute();
            vm.prank(arbiter);
            staking.resolveSlashDispute(EVIDENCE, path % 3 == 1);
            if (path % 3 == 1) {
                assertEq(staking.stakeOf(alice), activeBefore);
                (uint256 unbondingAfter, uint256 releaseAfter) = staking.unbondingOf(alice);
                assertEq(unbondingAfter, unbondingBefore);
                assertEq(releaseAfter, releaseBefore);
                assertEq(staking.claimable(bob), 0);
                assertEq(rewards.weightOf(alice), activeBefore);
            } else {
                assertEq(staking.claimable(bob), slashAmount);
            }
        }
        assertEq(staking.totalPendingSlashes(), 0);
        _assertConservation();
    }

    /// Dispute and finalization split time exactly at disputeUntil, for any window.
    function testFuzz_disputeWindowBoundary(uint256 window, uint256 wait) public {
        window = bound(window, 0, 30 days);
        wait = bound(wait, 0, 31 days);
        vm.prank(governor);
        staking.setDisputeWindow(window);
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 1 ether, EVIDENCE, address(0));
        vm.warp(block.timestamp + wait);
        (bool disputed,) = _try(alice, abi.encodeCall(Staking.disputeSlash, (EVIDENCE)));
        assertEq(disputed, wait <= window);
        if (!disputed) {
            (bool finalized,) = _try(stranger, abi.encodeCall(Staking.finalizeSlash, (EVIDENCE)));
            assertTrue(finalized);
        } else {
            (bool finalized,) = _try(stranger, abi.encodeCall(Staking.finalizeSlash, (EVIDENCE)));
            assertFalse(finalized, "a disputed slash waits for the arbiter");
        }
    }
}
