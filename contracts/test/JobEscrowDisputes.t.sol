// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FeeOnTransferToken} from "./utils/Mocks.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {IStakingView} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {JobEscrowTestBase} from "./utils/JobEscrowTestBase.sol";

/// @notice JobEscrow disputes, withdrawals, governance setters and fuzzed conservation.
contract JobEscrowDisputesTest is JobEscrowTestBase {
    // ------------------------------------------------------------------ disputes

    function test_raiseDispute_byClientAgainstPaidProvider() public {
        _post();
        _pay(TASK1, alice, 1_000e6);
        _complete();
        vm.expectEmit(address(escrow));
        emit JobEscrow.DisputeRaised(JOB, client, alice, REASON);
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);
        JobEscrow.Dispute memory d = escrow.getDispute(JOB);
        assertEq(d.raisedBy, client);
        assertEq(d.provider, alice);
        assertEq(d.reasonHash, REASON);
    }

    function test_raiseDispute_byPaidProviderForItself() public {
        _post();
        _pay(TASK1, alice, 1_000e6);
        _complete();
        vm.prank(alice);
        escrow.raiseDispute(JOB, bob, REASON);
        assertEq(escrow.getDispute(JOB).provider, alice);
    }

    function test_raiseDispute_reverts() public {
        _post();
        _pay(TASK1, alice, 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Open));
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);
        _complete();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotDisputeParty.selector, bob));
        vm.prank(bob);
        escrow.raiseDispute(JOB, bob, REASON);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotPaidProvider.selector, bob));
        vm.prank(client);
        escrow.raiseDispute(JOB, bob, REASON);
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DisputeOpen.selector, JOB));
        vm.prank(alice);
        escrow.raiseDispute(JOB, alice, REASON);
    }

    function test_raiseDispute_revertsAfterWindow() public {
        _post();
        _complete();
        uint256 end = block.timestamp + DISPUTE_WINDOW;
        vm.warp(end + 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DisputeWindowClosed.selector, JOB, end));
        vm.prank(client);
        escrow.raiseDispute(JOB, address(0), REASON);
    }

    function test_resolveDispute_awardRefundAndClawback() public {
        _post();
        _pay(TASK1, alice, 2_000e6); // alice net 1_950, fee 50
        _complete();
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);

        uint256 awardFee = (1_000e6 * FEE_BPS) / 10_000;
        vm.expectEmit(address(escrow));
        emit JobEscrow.DisputeResolved(JOB, alice, 1_000e6, awardFee, 3_000e6, 500e6);
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 1_000e6, 3_000e6, 500e6);

        assertEq(escrow.getDispute(JOB).raisedBy, address(0));
        assertEq(escrow.claimable(address(usdc), alice), 1_950e6 + 1_000e6 - awardFee - 500e6);
        assertEq(escrow.claimable(address(usdc), client), 3_000e6 + 500e6);
        assertEq(escrow.clawedBack(JOB, alice), 500e6);
        assertEq(escrow.remainingOf(JOB), BUDGET - 2_000e6 - 1_000e6 - 3_000e6);
        _assertConservation();

        // The window is still open: another dispute can follow; afterwards the rest is refunded.
        vm.warp(block.timestamp + DISPUTE_WINDOW + 1);
        escrow.closeJob(JOB);
        assertEq(escrow.claimable(address(usdc), client), 3_500e6 + 4_000e6);
        _assertConservation();
    }

    function test_resolveDispute_dismissWithoutTransfers() public {
        _post();
        _pay(TASK1, alice, 1e6);
        _complete();
        vm.prank(alice);
        escrow.raiseDispute(JOB, address(0), REASON);
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 0, 0);
        assertEq(escrow.getDispute(JOB).raisedBy, address(0));
    }

    function test_resolveDispute_reverts() public {
        _post();
        _pay(TASK1, alice, 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NoOpenDispute.selector, JOB));
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 0, 0);

        _complete();
        vm.prank(client);
        escrow.raiseDispute(JOB, address(0), REASON);
        vm.startPrank(arbiter);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NoDisputedProvider.selector, JOB));
        escrow.resolveDispute(JOB, 1, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NoDisputedProvider.selector, JOB));
        escrow.resolveDispute(JOB, 0, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InsufficientEscrow.selector, 9_000e6 + 1, 9_000e6));
        escrow.resolveDispute(JOB, 0, 9_000e6 + 1, 0);
        vm.stopPrank();
    }

    function test_resolveDispute_clawbackLimitedToPayForJobAndUnwithdrawnBalance() public {
        _post();
        _pay(TASK1, alice, 1_000e6); // net 975
        _complete();
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.ClawbackTooLarge.selector, 975e6 + 1, 975e6));
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 0, 975e6 + 1);

        vm.prank(alice);
        escrow.withdraw(usdc);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.ClawbackTooLarge.selector, 1, 0));
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 0, 1);
    }

    // ------------------------------------------------------------------ withdraw

    function test_withdraw_paysClaimable() public {
        _post();
        _pay(TASK1, alice, 1_000e6);
        uint256 net = 1_000e6 - (1_000e6 * FEE_BPS) / 10_000;
        uint256 before = usdc.balanceOf(alice);
        vm.expectEmit(address(escrow));
        emit JobEscrow.Withdrawn(address(usdc), alice, net);
        vm.prank(alice);
        assertEq(escrow.withdraw(usdc), net);
        assertEq(usdc.balanceOf(alice), before + net);
        assertEq(escrow.claimable(address(usdc), alice), 0);
        vm.prank(treasury);
        escrow.withdraw(usdc);
        _assertConservation();
    }

    function test_withdraw_revertsWhenEmpty() public {
        vm.expectRevert(JobEscrow.NothingToWithdraw.selector);
        vm.prank(alice);
        escrow.withdraw(usdc);
    }

    // ------------------------------------------------------------------ governance setters

    function test_setFeeBps() public {
        vm.expectEmit(address(escrow));
        emit JobEscrowConfig.FeeUpdated(FEE_BPS, 2_000);
        vm.prank(governor);
        escrow.setFeeBps(2_000);
        assertEq(escrow.feeBps(), 2_000);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.FeeTooHigh.selector, 2_001));
        vm.prank(governor);
        escrow.setFeeBps(2_001);
    }

    function test_setDisputeWindow() public {
        vm.expectEmit(address(escrow));
        emit JobEscrowConfig.DisputeWindowUpdated(DISPUTE_WINDOW, 1 days);
        vm.prank(governor);
        escrow.setDisputeWindow(1 days);
        assertEq(escrow.disputeWindow(), 1 days);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.DisputeWindowTooLong.selector, 30 days + 1));
        vm.prank(governor);
        escrow.setDisputeWindow(30 days + 1);
    }

    function test_setTreasury() public {
        vm.expectEmit(address(escrow));
        emit JobEscrowConfig.TreasuryUpdated(treasury, carol);
        vm.prank(governor);
        escrow.setTreasury(carol);
        assertEq(escrow.treasury(), carol);
        vm.expectRevert(JobEscrowConfig.ZeroAddress.selector);
        vm.prank(governor);
        escrow.setTreasury(address(0));
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_paymentsFeesAndRefundConserveBudget(
        uint256 budget,
        uint256 feeBps,
        uint256 payA,
        uint256 payB,
        bool complete
    ) public {
        budget = bound(budget, 1, 1_000_000e6);
        feeBps = bound(feeBps, 0, 2_000);
        vm.prank(governor);
        escrow.setFeeBps(feeBps);
        vm.prank(client);
        escrow.postJob(JOB, SPEC, usdc, budget, deadline);
        _start(JOB);

        payA = bound(payA, 1, budget);
        _pay(TASK1, alice, payA);
        payB = bound(payB, 0, budget - payA);
        if (payB != 0) _pay(TASK2, bob, payB);
        if (complete) {
            _complete();
            vm.warp(block.timestamp + DISPUTE_WINDOW + 1);
        } else {
            vm.warp(deadline + 1);
        }
        escrow.closeJob(JOB);

        uint256 total = escrow.claimable(address(usdc), alice) + escrow.claimable(address(usdc), bob)
            + escrow.claimable(address(usdc), treasury) + escrow.claimable(address(usdc), client);
        assertEq(total, budget, "every unit of the budget is accounted for");
        assertEq(escrow.claimable(address(usdc), client), budget - payA - payB);
        assertEq(escrow.claimable(address(usdc), treasury), (payA * feeBps) / 10_000 + (payB * feeBps) / 10_000);
        _assertConservation();
    }

    function testFuzz_taskIdPaysOnce(bytes32 taskId, uint256 amount1, uint256 amount2) public {
        vm.assume(taskId != bytes32(0));
        _post();
        amount1 = bound(amount1, 1, BUDGET / 2);
        amount2 = bound(amount2, 1, BUDGET / 2);
        _pay(taskId, alice, amount1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.TaskAlreadyPaid.selector, JOB, taskId));
        _pay(taskId, bob, amount2);
        assertEq(escrow.getJob(JOB).paid, amount1);
    }
}
