// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./Fixture.sol";
import {FeeOnTransferToken} from "./Mocks.sol";
import {JobEscrowConfig} from "../../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../../src/JobEscrow.sol";
import {IStakingView} from "../../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Shared set-up of the JobEscrow unit suites: one job, its helpers and the conservation check.
abstract contract JobEscrowTestBase is Fixture {
    bytes32 internal constant JOB = keccak256("job-1");
    bytes32 internal constant SPEC = keccak256("spec");
    bytes32 internal constant TASK1 = keccak256("task-1");
    bytes32 internal constant TASK2 = keccak256("task-2");
    bytes32 internal constant REASON = keccak256("reason");
    uint256 internal constant BUDGET = 10_000e6;
    uint256 internal deadline;

    function setUp() public override {
        super.setUp();
        deadline = block.timestamp + 30 days;
    }

    /// @dev Post and start JOB (payments need a started job).
    function _post() internal {
        _postOnly();
        _start(JOB);
    }

    function _postOnly() internal {
        vm.prank(client);
        escrow.postJob(JOB, SPEC, usdc, BUDGET, deadline);
    }

    /// @dev Payments need a started job: start an open one whose work ends as late as its
    ///      escrow deadline allows (escrow deadline - settlement window).
    function _start(bytes32 jobId) internal {
        JobEscrow.Job memory job = escrow.getJob(jobId);
        if (job.status != JobEscrow.Status.Open || job.jobDeadline != 0) return;
        uint256 jobDeadline = job.deadline - escrow.settlementWindow();
        vm.prank(platform);
        escrow.startJob(jobId, jobDeadline);
    }

    function _pay(bytes32 taskId, address provider, uint256 amount) internal {
        vm.prank(platform);
        escrow.releasePayment(JOB, taskId, provider, amount);
    }

    function _complete() internal {
        vm.prank(platform);
        escrow.completeJob(JOB);
    }

    function _status(bytes32 jobId) internal view returns (JobEscrow.Status) {
        return escrow.getJob(jobId).status;
    }

    function _assertConservation() internal view {
        assertEq(
            usdc.balanceOf(address(escrow)),
            escrow.totalEscrowed(address(usdc)) + escrow.totalClaimable(address(usdc)),
            "escrow conservation"
        );
    }
}
