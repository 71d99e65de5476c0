// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BaseTest} from "../utils/BaseTest.sol";
import {MockERC20} from "../utils/Mocks.sol";
import {JobEscrow} from "../../src/JobEscrow.sol";

/// @notice Drives JobEscrow through random job lifecycles in two tokens. Task ids come from a
///         small set so that duplicate payments are attempted often; a duplicate that does not
///         revert with TaskAlreadyPaid is recorded as a violation.
contract JobEscrowHandler is BaseTest {
    JobEscrow public immutable escrow;
    address public immutable platform;
    address public immutable arbiter;
    address public immutable governor;
    address public immutable treasury;

    MockERC20[] public tokens;
    address[] public clients;
    address[] public providers;
    bytes32[] public jobIds;

    mapping(bytes32 jobId => mapping(bytes32 taskId => uint256)) public ghostPayments;
    mapping(address token => uint256) public ghostDeposited;
    mapping(address token => uint256) public ghostWithdrawn;
    uint256 public ghostDoublePayments;
    uint256 public ghostUnexpectedReverts;
    uint256 public jobNonce;

    constructor(
        JobEscrow escrow_,
        MockERC20[] memory tokens_,
        address platform_,
        address arbiter_,
        address governor_,
        address treasury_
    ) {
        escrow = escrow_;
        platform = platform_;
        arbiter = arbiter_;
        governor = governor_;
        treasury = treasury_;
        for (uint256 i; i < tokens_.length; ++i) {
            tokens.push(tokens_[i]);
        }
        for (uint256 i; i < 2; ++i) {
            clients.push(address(uint160(0xC000 + i)));
        }
        for (uint256 i; i < 3; ++i) {
            providers.push(address(uint160(0xB000 + i)));
        }
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function clientCount() external view returns (uint256) {
        return clients.length;
    }

    function providerCount() external view returns (uint256) {
        return providers.length;
    }

    function jobCount() external view returns (uint256) {
        return jobIds.length;
    }

    function _job(uint256 seed) internal view returns (bytes32 id, JobEscrow.Job memory job) {
        id = jobIds[seed % jobIds.length];
        job = escrow.getJob(id);
    }

    function postJob(uint256 clientSeed, uint256 tokenSeed, uint256 budget, uint256 duration) external {
        address c = clients[clientSeed % clients.length];
        MockERC20 token = tokens[tokenSeed % tokens.length];
        budget = bound(budget, 1, 1_000_000e18);
        duration = bound(duration, 1, 20 days);
        bytes32 id = keccak256(abi.encode("job", jobNonce++));
        token.mint(c, budget);
        vm.startPrank(c);
        token.approve(address(escrow), budget);
        escrow.postJob(id, keccak256("spec"), token, budget, block.timestamp + duration);
        vm.stopPrank();
        jobIds.push(id);
        ghostDeposited[address(token)] += budget;
    }

    function releasePayment(uint256 jobSeed, uint256 taskSeed, uint256 providerSeed, uint256 amount) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open) return;
        uint256 remaining = escrow.remainingOf(id);
        if (remaining == 0) return;
        bytes32 taskId = keccak256(abi.encode("task", taskSeed % 6));
        amount = bound(amount, 1, remaining);
        bool alreadyPaid = escrow.taskPaid(id, taskId);
        vm.prank(platform);
        try escrow.releasePayment(id, taskId, providers[providerSeed % providers.length], amount) {
            ghostPayments[id][taskId] += 1;
            if (ghostPayments[id][taskId] > 1) ghostDoublePayments++;
        } catch (bytes memory err) {
            if (!alreadyPaid || bytes4(err) != JobEscrow.TaskAlreadyPaid.selector) ghostUnexpectedReverts++;
        }
    }

    function completeJob(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open) return;
        vm.prank(platform);
        escrow.completeJob(id);
    }

    function cancelJob(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open || job.paid != 0) return;
        vm.prank(job.client);
        escrow.cancelJob(id);
    }

    function closeJob(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        bool closable = (job.status == JobEscrow.Status.Open && block.timestamp > job.deadline)
            || (job.status == JobEscrow.Status.Completed
                && block.timestamp > job.disputeDeadline
                && escrow.getDispute(id).raisedBy == address(0));
        if (!closable) return;
        escrow.closeJob(id);
    }

    function raiseDispute(uint256 jobSeed, uint256 partySeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Completed || block.timestamp > job.disputeDeadline) return;
        if (escrow.getDispute(id).raisedBy != address(0)) return;
        address provider = providers[partySeed % providers.length];
        bool paid = escrow.paidTo(id, provider) != 0;
        if (partySeed % 2 == 0) {
            vm.prank(job.client);
            escrow.raiseDispute(id, paid ? provider : address(0), keccak256("why"));
        } else {
            if (!paid) return;
            vm.prank(provider);
            escrow.raiseDispute(id, address(0), keccak256("why"));
        }
    }

    function resolveDispute(uint256 jobSeed, uint256 award, uint256 refund, uint256 clawback) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        JobEscrow.Dispute memory d = escrow.getDispute(id);
        if (d.raisedBy == address(0)) return;
        uint256 remaining = escrow.remainingOf(id);
        if (d.provider == address(0)) {
            award = 0;
            clawback = 0;
        } else {
            award = bound(award, 0, remaining);
            uint256 maxClawback = escrow.paidTo(id, d.provider) - escrow.clawedBack(id, d.provider);
            uint256 balance = escrow.claimable(job.token, d.provider);
            if (balance < maxClawback) maxClawback = balance;
            clawback = bound(clawback, 0, maxClawback);
        }
        refund = bound(refund, 0, remaining - award);
        vm.prank(arbiter);
        escrow.resolveDispute(id, award, refund, clawback);
    }

    function withdraw(uint256 accountSeed, uint256 tokenSeed) external {
        address token = address(tokens[tokenSeed % tokens.length]);
        uint256 pick = accountSeed % (clients.length + providers.length + 1);
        address account = pick < clients.length
            ? clients[pick]
            : pick < clients.length + providers.length ? providers[pick - clients.length] : treasury;
        uint256 amount = escrow.claimable(token, account);
        if (amount == 0) return;
        vm.prank(account);
        escrow.withdraw(MockERC20(token));
        ghostWithdrawn[token] += amount;
    }

    function setFee(uint256 feeBps) external {
        vm.prank(governor);
        escrow.setFeeBps(bound(feeBps, 0, 2_000));
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 5 days));
    }
}
