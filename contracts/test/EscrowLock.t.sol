// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {SeparatedRoles} from "../src/utils/SeparatedRoles.sol";
import {EmergencyPause} from "../src/utils/EmergencyPause.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

/// @notice Issue #16, escrow side: once the platform starts a job the client's funds stay
///         locked for the job's life plus the settlement window, disputes cannot be left
///         unruled forever, the payer is never the arbiter, and a pause stops the platform but
///         not the users' exits. Every route a client could take to its money is tried.
contract EscrowLockTest is Fixture {
    bytes32 internal constant JOB = keccak256("locked-job");
    uint256 internal constant BUDGET = 10_000e6;
    uint256 internal escrowDeadline;
    uint256 internal jobDeadline;

    function setUp() public override {
        super.setUp();
        jobDeadline = block.timestamp + 10 days;
        escrowDeadline = jobDeadline + escrow.settlementWindow();
        vm.prank(client);
        escrow.postJob(JOB, bytes32(0), usdc, BUDGET, escrowDeadline);
    }

    function _start() internal {
        vm.prank(platform);
        escrow.startJob(JOB, jobDeadline);
    }

    function _payAndComplete(uint256 amount) internal {
        vm.startPrank(platform);
        escrow.releasePayment(JOB, keccak256("t"), alice, amount);
        escrow.completeJob(JOB);
        vm.stopPrank();
    }

    // ------------------------------------------------------------------ start

    function test_startJob_refusesAnEscrowDeadlineShortOfJobDeadlinePlusSettlementWindow() public {
        uint256 late = jobDeadline + 1;
        vm.expectRevert(
            abi.encodeWithSelector(
                JobEscrow.EscrowDeadlineTooEarly.selector, JOB, escrowDeadline, late + escrow.settlementWindow()
            )
        );
        vm.prank(platform);
        escrow.startJob(JOB, late);
    }

    function test_startJob_recordsTheJobDeadlineOnce() public {
        vm.expectEmit(address(escrow));
        emit JobEscrow.JobStarted(JOB, jobDeadline);
        _start();
        assertEq(escrow.getJob(JOB).jobDeadline, jobDeadline);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.JobAlreadyStarted.selector, JOB));
        _start();
    }

    function test_startJob_onlyPlatform() public {
        vm.expectRevert(_unauthorized(client, escrow.PLATFORM_ROLE()));
        vm.prank(client);
        escrow.startJob(JOB, jobDeadline);
    }

    function test_releasePayment_needsAStartedJob() public {
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.JobNotStarted.selector, JOB));
        vm.prank(platform);
        escrow.releasePayment(JOB, keccak256("t"), alice, 1);
    }

    // ------------------------------------------------------------------ the client's routes

    function test_client_mayCancelBeforeStart() public {
        vm.prank(client);
        escrow.cancelJob(JOB);
        assertEq(escrow.claimable(address(usdc), client), BUDGET);
    }

    /// Before the fix a client could cancel a running job while nothing had been paid yet.
    function test_client_cannotCancelAStartedJobEvenBeforeAnyPayment() public {
        _start();
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.JobAlreadyStarted.selector, JOB));
        vm.prank(client);
        escrow.cancelJob(JOB);
    }

    function test_client_cannotCloseAStartedJobBeforeTheEscrowDeadline() public {
        _start();
        uint256[3] memory moments = [block.timestamp, jobDeadline, escrowDeadline];
        for (uint256 i; i < moments.length; ++i) {
            vm.warp(moments[i]);
            vm.expectRevert(abi.encodeWithSelector(JobEscrow.NotClosable.selector, JOB));
            vm.prank(client);
            escrow.closeJob(JOB);
        }
    }

    function test_client_closesAfterTheEscrowDeadlineAndGetsTheRemainder() public {
        _start();
        vm.prank(platform);
        escrow.releasePayment(JOB, keccak256("t"), alice, 1_000e6);
        vm.warp(escrowDeadline + 1);
        vm.prank(client);
        escrow.closeJob(JOB);
        assertEq(escrow.claimable(address(usdc), client), BUDGET - 1_000e6);
    }

    function test_platform_canStillPayWithinTheSettlementWindow() public {
        _start();
        vm.warp(jobDeadline + escrow.settlementWindow());
        _payAndComplete(500e6);
        assertEq(escrow.getJob(JOB).paid, 500e6);
    }

    // ------------------------------------------------------------------ dispute timeout

    function _dispute() internal {
        _start();
        _payAndComplete(1_000e6);
        vm.prank(client);
        escrow.raiseDispute(JOB, alice, keccak256("bad work"));
    }

    function test_dispute_unruledAfterTimeoutGoesToTheDefaultOutcome() public {
        _dispute();
        uint256 ruleBy = escrow.getDispute(JOB).ruleBy;
        assertEq(ruleBy, block.timestamp + escrow.disputeRulingTimeout());
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DisputeRulingPending.selector, JOB, ruleBy));
        escrow.resolveDisputeByTimeout(JOB);

        vm.warp(ruleBy + 1);
        uint256 providerBefore = escrow.claimable(address(usdc), alice);
        vm.expectEmit(address(escrow));
        emit JobEscrow.DisputeTimedOut(JOB, ruleBy);
        vm.prank(stranger);
        escrow.resolveDisputeByTimeout(JOB);
        assertEq(escrow.claimable(address(usdc), alice), providerBefore, "provider keeps what it was paid");
        assertEq(escrow.claimable(address(usdc), client), BUDGET - 1_000e6, "remainder to the client");
        assertEq(escrow.remainingOf(JOB), 0);
        assertEq(escrow.getDispute(JOB).raisedBy, address(0));
    }

    function test_dispute_arbiterCannotRuleAfterTheTimeout() public {
        _dispute();
        uint256 ruleBy = escrow.getDispute(JOB).ruleBy;
        vm.warp(ruleBy + 1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrow.DisputeRulingTimedOut.selector, JOB, ruleBy));
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 1, 0);
    }

    function test_dispute_closeAfterTimeoutSettlesTheJob() public {
        _dispute();
        vm.warp(escrow.getDispute(JOB).ruleBy + 1);
        escrow.resolveDisputeByTimeout(JOB);
        escrow.closeJob(JOB);
        assertTrue(escrow.getJob(JOB).status == JobEscrow.Status.Closed);
    }

    // ------------------------------------------------------------------ roles

    function test_roles_thePlatformCannotBeTheArbiter() public {
        bytes32 arbiterRole = escrow.ARBITER_ROLE();
        bytes32 platformRole = escrow.PLATFORM_ROLE();
        vm.startPrank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(SeparatedRoles.RoleConflict.selector, platform, arbiterRole, platformRole)
        );
        escrow.grantRole(arbiterRole, platform);
        vm.expectRevert(
            abi.encodeWithSelector(SeparatedRoles.RoleConflict.selector, arbiter, platformRole, arbiterRole)
        );
        escrow.grantRole(platformRole, arbiter);
        vm.stopPrank();
    }

    function test_settlementWindowAndRulingTimeoutAreBounded() public {
        vm.startPrank(governor);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.SettlementWindowOutOfBounds.selector, 1));
        escrow.setSettlementWindow(1);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.SettlementWindowOutOfBounds.selector, 31 days));
        escrow.setSettlementWindow(31 days);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.RulingTimeoutOutOfBounds.selector, 1 hours));
        escrow.setDisputeRulingTimeout(1 hours);
        escrow.setSettlementWindow(5 days);
        escrow.setDisputeRulingTimeout(3 days);
        vm.stopPrank();
        assertEq(escrow.settlementWindow(), 5 days);
        assertEq(escrow.disputeRulingTimeout(), 3 days);
    }

    // ------------------------------------------------------------------ pause

    function test_pause_stopsThePlatformButNotTheUsersExits() public {
        _dispute();
        address guardian = makeAddr("guardian");
        bytes32 guardianRole = escrow.GUARDIAN_ROLE();
        vm.prank(admin);
        escrow.grantRole(guardianRole, guardian);
        vm.prank(guardian);
        escrow.pause();

        bytes4 paused = Pausable.EnforcedPause.selector;
        vm.expectRevert(paused);
        vm.prank(client);
        escrow.postJob(keccak256("other"), bytes32(0), usdc, 1, block.timestamp + 1 days);
        vm.expectRevert(paused);
        vm.prank(arbiter);
        escrow.resolveDispute(JOB, 0, 0, 0);

        // Exits stay open: the timeout, close and withdrawals.
        vm.warp(escrow.getDispute(JOB).ruleBy + 1);
        escrow.resolveDisputeByTimeout(JOB);
        escrow.closeJob(JOB);
        vm.prank(client);
        escrow.withdraw(usdc);
        vm.prank(alice);
        escrow.withdraw(usdc);

        // The guardian cannot lift the pause; governance can.
        vm.expectRevert(_unauthorized(guardian, escrow.GOVERNOR_ROLE()));
        vm.prank(guardian);
        escrow.unpause();
        vm.prank(governor);
        escrow.unpause();
        assertFalse(escrow.paused());
    }

    function test_pause_onlyGuardianOrGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(EmergencyPause.NotPauser.selector, platform));
        vm.prank(platform);
        escrow.pause();
        vm.prank(governor);
        escrow.pause();
        assertTrue(escrow.paused());
    }
}
