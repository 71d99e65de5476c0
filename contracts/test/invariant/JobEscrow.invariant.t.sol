// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {InvariantBase} from "../utils/BaseTest.sol";
import {MockERC20} from "../utils/Mocks.sol";
import {JobEscrow} from "../../src/JobEscrow.sol";
import {IStakingView} from "../../src/interfaces/IStaking.sol";
import {JobEscrowHandler} from "./JobEscrowHandler.sol";

contract JobEscrowInvariantTest is InvariantBase {
    JobEscrow internal escrow;
    JobEscrowHandler internal handler;
    address internal treasury = address(0x7EA5);

    function setUp() public {
        vm.warp(1_700_000_000);
        escrow = new JobEscrow(address(this), treasury, 250, 2 days, IStakingView(address(0)));
        MockERC20[] memory tokens = new MockERC20[](2);
        tokens[0] = new MockERC20("USD Coin", "USDC", 6);
        tokens[1] = new MockERC20("Dai", "DAI", 18);
        address platform = address(0x91A7);
        address arbiter = address(0xA4B1);
        address governor = address(0x6070);
        escrow.grantRole(escrow.PLATFORM_ROLE(), platform);
        escrow.grantRole(escrow.ARBITER_ROLE(), arbiter);
        escrow.grantRole(escrow.GOVERNOR_ROLE(), governor);
        handler = new JobEscrowHandler(escrow, tokens, platform, arbiter, governor, treasury);
        escrow.grantRole(escrow.GUARDIAN_ROLE(), handler.guardian());

        bytes4[] memory selectors = new bytes4[](14);
        selectors[0] = JobEscrowHandler.postJob.selector;
        selectors[1] = JobEscrowHandler.releasePayment.selector;
        selectors[2] = JobEscrowHandler.completeJob.selector;
        selectors[3] = JobEscrowHandler.cancelJob.selector;
        selectors[4] = JobEscrowHandler.closeJob.selector;
        selectors[5] = JobEscrowHandler.raiseDispute.selector;
        selectors[6] = JobEscrowHandler.resolveDispute.selector;
        selectors[7] = JobEscrowHandler.withdraw.selector;
        selectors[8] = JobEscrowHandler.setFee.selector;
        selectors[9] = JobEscrowHandler.warp.selector;
        selectors[10] = JobEscrowHandler.startJob.selector;
        selectors[11] = JobEscrowHandler.clientExits.selector;
        selectors[12] = JobEscrowHandler.abandonDispute.selector;
        selectors[13] = JobEscrowHandler.governance.selector;
        _target(address(handler), selectors);
    }

    /// Per token, the escrow holds exactly the open budgets plus the claimable balances, and
    /// that is what was deposited minus what was withdrawn.
    function invariant_escrowConservation() public view {
        for (uint256 t; t < handler.tokenCount(); ++t) {
            address token = address(handler.tokens(t));
            uint256 balance = MockERC20(token).balanceOf(address(escrow));
            assertEq(balance, escrow.totalEscrowed(token) + escrow.totalClaimable(token), "balance");
            assertEq(balance, handler.ghostDeposited(token) - handler.ghostWithdrawn(token), "flows");

            uint256 escrowed;
            for (uint256 j; j < handler.jobCount(); ++j) {
                bytes32 id = handler.jobIds(j);
                if (escrow.getJob(id).token == token) escrowed += escrow.remainingOf(id);
            }
            assertEq(escrowed, escrow.totalEscrowed(token), "sum of remaining budgets");

            uint256 claimable = escrow.claimable(token, treasury);
            for (uint256 i; i < handler.clientCount(); ++i) {
                claimable += escrow.claimable(token, handler.clients(i));
            }
            for (uint256 i; i < handler.providerCount(); ++i) {
                claimable += escrow.claimable(token, handler.providers(i));
            }
            assertEq(claimable, escrow.totalClaimable(token), "sum of claimables");
        }
    }

    /// No task id is ever paid twice, and duplicates fail with TaskAlreadyPaid.
    function invariant_noTaskPaidTwice() public view {
        assertEq(handler.ghostDoublePayments(), 0, "double payment");
        assertEq(handler.ghostUnexpectedReverts(), 0, "unexpected revert");
    }

    /// A job never pays out or refunds more than its budget; finished jobs hold nothing.
    function invariant_jobsWithinBudget() public view {
        for (uint256 j; j < handler.jobCount(); ++j) {
            JobEscrow.Job memory job = escrow.getJob(handler.jobIds(j));
            assertLe(job.paid + job.refunded, job.budget, "paid + refunded <= budget");
            if (job.status == JobEscrow.Status.Closed || job.status == JobEscrow.Status.Cancelled) {
                assertEq(job.paid + job.refunded, job.budget, "finished job fully settled");
            }
            if (job.status == JobEscrow.Status.Cancelled) assertEq(job.paid, 0, "cancelled before payment");
        }
    }

    /// A started job is never cancelled, nor closed before its escrow deadline (which is at
    /// least its job deadline plus the settlement window); a start that leaves less is refused.
    function invariant_lockedEscrowCannotBeCancelledOrClosedEarly() public view {
        assertEq(handler.ghostLockBroken(), 0, "lock broken");
        for (uint256 j; j < handler.jobCount(); ++j) {
            JobEscrow.Job memory job = escrow.getJob(handler.jobIds(j));
            if (job.jobDeadline != 0) assertTrue(job.status != JobEscrow.Status.Cancelled, "started job cancelled");
        }
    }

    /// A dispute the arbiter never rules on is settled by its timeout: the remainder goes to the
    /// client and the dispute closes.
    function invariant_unruledDisputesReleaseFunds() public view {
        assertEq(handler.ghostTimeoutFailures(), 0, "timeout did not release");
    }

    /// Only governance moves parameters and lifts a pause; the guardian can only pause.
    function invariant_onlyGovernanceMovesParametersAndPause() public view {
        assertEq(handler.ghostUnauthorizedChanges(), 0, "unauthorized change");
        assertEq(escrow.feeBps(), handler.ghostFeeBps(), "fee");
        assertEq(escrow.settlementWindow(), handler.ghostSettlementWindow(), "settlement window");
        assertTrue(escrow.paused() == handler.ghostPaused(), "pause");
    }
}
