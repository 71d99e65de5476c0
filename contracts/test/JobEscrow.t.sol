// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FeeOnTransferToken} from "./utils/Mocks.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {IStakingView} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {JobEscrowTestBase} from "./utils/JobEscrowTestBase.sol";

/// @notice JobEscrow: posting, bids, payments, completion, close and cancel.
contract JobEscrowTest is JobEscrowTestBase {
    // ------------------------------------------------------------------ constructor

    function test_constructor_setsParameters() public view {
        assertEq(escrow.treasury(), treasury);
        assertEq(escrow.feeBps(), FEE_BPS);
        assertEq(escrow.disputeWindow(), DISPUTE_WINDOW);
        assertEq(address(escrow.staking()), address(staking));
    }

    function test_constructor_reverts() public {
        IStakingView s = IStakingView(address(0));
        vm.expectRevert(JobEscrowConfig.ZeroAddress.selector);
        new JobEscrow(address(0), treasury, 0, 0, s);
        vm.expectRevert(JobEscrowConfig.ZeroAddress.selector);
        new JobEscrow(admin, address(0), 0, 0, s);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.FeeTooHigh.selector, 2_001));
        new JobEscrow(admin, treasury, 2_001, 0, s);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.DisputeWindowTooLong.selector, 30 days + 1));
        new JobEscrow(admin, treasury, 0, 30 days + 1, s);
    }

    // ------------------------------------------------------------------ postJob

    function test_postJob_fundsEscrow() public {
        vm.expectEmit(address(escrow));
        emit JobEscrow.JobPosted(JOB, client, address(usdc), BUDGET, deadline, SPEC);
        _post();
        JobEscrow.Job memory job = escrow.getJob(JOB);
        assertEq(job.client, client);
        assertEq(job.token, address(usdc));
        assertEq(uint256(job.deadline), deadline);
        assertEq(job.specHash, SPEC);
        assertEq(job.budget, BUDGET);
        assertTrue(job.status == JobEscrow.Status.Open);
        assertEq(escrow.remainingOf(JOB), BUDGET);
        assertEq(escrow.totalEscrowed(address(usdc)), BUDGET);
        assertEq(usdc.balanceOf(address(escrow)), BUDGET);
    }

    function test_postJob_acceptsTheGovernanceTokenToo() public {
        vm.prank(client);
        escrow.postJob(JOB, SPEC, oai, 5 ether, deadline);
        assertEq(escrow.totalEscrowed(address(oai)), 5 ether);
    }

    function test_postJob_revertsOnZeroId() public {
        vm.expectRevert(JobEscrow.ZeroId.selector);
        vm.prank(client);
        escrow.postJob(bytes32(0), SPEC, usdc, BUDGET, deadline);
    }

    function test_postJob_revertsOnZeroToken() public {
        vm.expectRevert(JobEscrowConfig.ZeroAddress.selector);
        vm.prank(client);
        escrow.postJob(JOB, SPEC, IERC20(address(0)), BUDGET, deadline);
    }

    function test_postJob_revertsOnZeroBudget() public {
        vm.expectRevert(JobEscrow.ZeroAmount.selector);
        vm.prank(client);
        escrow.postJob(JOB, SPEC, usdc, 0, deadline);
    }

    function test_postJob_revertsOnBadDeadline() public {
        vm.startPrank(client);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidDeadline.selector, block.timestamp));
        escrow.postJob(JOB, SPEC, usdc, BUDGET, block.timestamp);
        uint256 tooLate = block.timestamp + 365 days + 1;
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidDeadline.selector, tooLate));
        escrow.postJob(JOB, SPEC, usdc, BUDGET, tooLate);
        vm.stopPrank();
    }

    function test_postJob_revertsOnDuplicateId() public {
        _post();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.JobExists.selector, JOB));
        vm.prank(bob);
        escrow.postJob(JOB, SPEC, usdc, 1, deadline);
    }

    function test_postJob_rejectsFeeOnTransferToken() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        fot.mint(client, 1_000 ether);
        vm.startPrank(client);
        fot.approve(address(escrow), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.UnsupportedToken.selector, address(fot)));
        escrow.postJob(JOB, SPEC, fot, 100 ether, deadline);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ bids

    function test_placeBid_recordsStakedProviderBid() public {
        _post();
        _stake(alice, MIN_STAKE);
        vm.expectEmit(address(escrow));
        emit JobEscrow.BidPlaced(JOB, alice, 25e6);
        vm.prank(alice);
        escrow.placeBid(JOB, 25e6);
        assertEq(escrow.bidOf(JOB, alice), 25e6);
        vm.prank(alice);
        escrow.placeBid(JOB, 20e6);
        assertEq(escrow.bidOf(JOB, alice), 20e6);
    }

    function test_placeBid_revertsWhenNotStaked() public {
        _post();
        _stake(alice, MIN_STAKE - 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotStaked.selector, alice));
        vm.prank(alice);
        escrow.placeBid(JOB, 1);
    }

    function test_placeBid_withoutStakingContractAnyoneMayBid() public {
        JobEscrow open = new JobEscrow(admin, treasury, 0, 0, IStakingView(address(0)));
        vm.prank(client);
        usdc.approve(address(open), BUDGET);
        vm.prank(client);
        open.postJob(JOB, SPEC, usdc, BUDGET, deadline);
        vm.prank(stranger);
        open.placeBid(JOB, 1);
        assertEq(open.bidOf(JOB, stranger), 1);
    }

    function test_placeBid_revertsOnUnknownJob() public {
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.None));
        vm.prank(alice);
        escrow.placeBid(JOB, 1);
    }

    function test_placeBid_revertsAfterDeadline() public {
        _post();
        _stake(alice, MIN_STAKE);
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DeadlinePassed.selector, JOB, deadline));
        vm.prank(alice);
        escrow.placeBid(JOB, 1);
    }

    function test_placeBid_revertsOnZeroPrice() public {
        _post();
        _stake(alice, MIN_STAKE);
        vm.expectRevert(JobEscrow.ZeroAmount.selector);
        vm.prank(alice);
        escrow.placeBid(JOB, 0);
    }

    // ------------------------------------------------------------------ releasePayment

    function test_releasePayment_creditsProviderAndTreasury() public {
        _post();
        uint256 fee = (1_000e6 * FEE_BPS) / 10_000;
        vm.expectEmit(address(escrow));
        emit JobEscrow.TaskPaid(JOB, TASK1, alice, 1_000e6, fee);
        _pay(TASK1, alice, 1_000e6);
        assertTrue(escrow.taskPaid(JOB, TASK1));
        assertEq(escrow.claimable(address(usdc), alice), 1_000e6 - fee);
        assertEq(escrow.claimable(address(usdc), treasury), fee);
        assertEq(escrow.paidTo(JOB, alice), 1_000e6 - fee);
        assertEq(escrow.remainingOf(JOB), BUDGET - 1_000e6);
        assertEq(escrow.getJob(JOB).paid, 1_000e6);
        _assertConservation();
    }

    function test_releasePayment_secondAttemptForSameTaskReverts() public {
        _post();
        _pay(TASK1, alice, 100e6);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.TaskAlreadyPaid.selector, JOB, TASK1));
        _pay(TASK1, alice, 100e6);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.TaskAlreadyPaid.selector, JOB, TASK1));
        _pay(TASK1, bob, 1);
        _pay(TASK2, bob, 100e6);
        assertEq(escrow.remainingOf(JOB), BUDGET - 200e6);
    }

    function test_releasePayment_sameTaskIdOnOtherJobIsIndependent() public {
        _post();
        bytes32 job2 = keccak256("job-2");
        vm.prank(client);
        escrow.postJob(job2, SPEC, usdc, BUDGET, deadline);
        _start(job2);
        _pay(TASK1, alice, 1e6);
        vm.prank(platform);
        escrow.releasePayment(job2, TASK1, alice, 1e6);
        assertTrue(escrow.taskPaid(job2, TASK1));
    }

    function test_releasePayment_zeroFee() public {
        vm.prank(governor);
        escrow.setFeeBps(0);
        _post();
        _pay(TASK1, alice, 7e6);
        assertEq(escrow.claimable(address(usdc), alice), 7e6);
        assertEq(escrow.claimable(address(usdc), treasury), 0);
    }

    function test_releasePayment_reverts() public {
        _post();
        vm.startPrank(platform);
        vm.expectRevert(JobEscrow.ZeroId.selector);
        escrow.releasePayment(JOB, bytes32(0), alice, 1);
        vm.expectRevert(JobEscrowConfig.ZeroAddress.selector);
        escrow.releasePayment(JOB, TASK1, address(0), 1);
        vm.expectRevert(JobEscrow.ZeroAmount.selector);
        escrow.releasePayment(JOB, TASK1, alice, 0);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InsufficientEscrow.selector, BUDGET + 1, BUDGET));
        escrow.releasePayment(JOB, TASK1, alice, BUDGET + 1);
        bytes32 unknown = keccak256("nope");
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, unknown, JobEscrow.Status.None));
        escrow.releasePayment(unknown, TASK1, alice, 1);
        vm.stopPrank();
    }

    function test_releasePayment_revertsAfterCompletion() public {
        _post();
        _complete();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Completed));
        _pay(TASK1, alice, 1);
    }

    function test_releasePayment_allowedAfterDeadlineUntilClosed() public {
        _post();
        vm.warp(deadline + 1);
        _pay(TASK1, alice, 1e6);
        escrow.closeJob(JOB);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Closed));
        _pay(TASK2, alice, 1e6);
    }

    // ------------------------------------------------------------------ completion, close, cancel

    function test_completeJob_startsDisputeWindow() public {
        _post();
        vm.expectEmit(address(escrow));
        emit JobEscrow.JobCompleted(JOB, block.timestamp + DISPUTE_WINDOW);
        _complete();
        assertTrue(_status(JOB) == JobEscrow.Status.Completed);
        assertEq(uint256(escrow.getJob(JOB).disputeDeadline), block.timestamp + DISPUTE_WINDOW);
    }

    function test_completeJob_revertsUnlessOpen() public {
        _post();
        _complete();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Completed));
        _complete();
    }

    function test_closeJob_afterDisputeWindowRefundsRemainder() public {
        _post();
        _pay(TASK1, alice, 4_000e6);
        _complete();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotClosable.selector, JOB));
        escrow.closeJob(JOB);
        vm.warp(block.timestamp + DISPUTE_WINDOW + 1);
        vm.expectEmit(address(escrow));
        emit JobEscrow.JobClosed(JOB, 6_000e6);
        vm.prank(stranger);
        escrow.closeJob(JOB);
        assertTrue(_status(JOB) == JobEscrow.Status.Closed);
        assertEq(escrow.claimable(address(usdc), client), 6_000e6);
        assertEq(escrow.remainingOf(JOB), 0);
        assertEq(escrow.totalEscrowed(address(usdc)), 0);
        _assertConservation();
    }

    function test_closeJob_afterDeadlineWithoutCompletion() public {
        _post();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotClosable.selector, JOB));
        escrow.closeJob(JOB);
        vm.warp(deadline + 1);
        escrow.closeJob(JOB);
        assertEq(escrow.claimable(address(usdc), client), BUDGET);
    }

    function test_closeJob_revertsWhileDisputeOpen() public {
        _post();
        _pay(TASK1, alice, 1e6);
        _complete();
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, REASON);
        vm.warp(block.timestamp + DISPUTE_WINDOW + 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DisputeOpen.selector, JOB));
        escrow.closeJob(JOB);
    }

    function test_closeJob_revertsWhenClosedOrUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.None));
        escrow.closeJob(JOB);
        _post();
        vm.warp(deadline + 1);
        escrow.closeJob(JOB);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Closed));
        escrow.closeJob(JOB);
    }

    function test_cancelJob_beforeAnyPayment() public {
        _postOnly();
        vm.expectEmit(address(escrow));
        emit JobEscrow.JobCancelled(JOB, BUDGET);
        vm.prank(client);
        escrow.cancelJob(JOB);
        assertTrue(_status(JOB) == JobEscrow.Status.Cancelled);
        assertEq(escrow.claimable(address(usdc), client), BUDGET);
        uint256 before = usdc.balanceOf(client);
        vm.prank(client);
        escrow.withdraw(usdc);
        assertEq(usdc.balanceOf(client), before + BUDGET);
        assertEq(usdc.balanceOf(address(escrow)), 0);
    }

    function test_cancelJob_revertsAfterPayment() public {
        _post();
        _pay(TASK1, alice, 1);
        // Payments need a started job, and a started job cannot be cancelled.
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.JobAlreadyStarted.selector, JOB));
        vm.prank(client);
        escrow.cancelJob(JOB);
    }

    function test_cancelJob_revertsForNonClient() public {
        _post();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotClient.selector, stranger));
        vm.prank(stranger);
        escrow.cancelJob(JOB);
    }

    function test_cancelJob_revertsWhenNotOpen() public {
        _post();
        _complete();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.InvalidStatus.selector, JOB, JobEscrow.Status.Completed));
        vm.prank(client);
        escrow.cancelJob(JOB);
    }
}
