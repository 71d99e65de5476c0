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
    /// @notice A started job cancelled, or closed before its escrow deadline: must stay 0.
    uint256 public ghostLockBroken;
    /// @notice A dispute whose ruling timed out that did not release the remainder: must stay 0.
    uint256 public ghostTimeoutFailures;
    /// @notice A parameter or the pause moved by someone other than governance (the guardian
    ///         may only pause): must stay 0.
    uint256 public ghostUnauthorizedChanges;
    /// @notice Values governance set; the escrow must report exactly these.
    uint256 public ghostFeeBps = 250;
    uint256 public ghostSettlementWindow;
    bool public ghostPaused;
    address public constant guardian = address(0x6A4D);
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
        ghostSettlementWindow = escrow_.settlementWindow();
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
        if (escrow.paused()) return;
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
        if (job.status != JobEscrow.Status.Open || escrow.paused()) return;
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
            bool expected = job.jobDeadline == 0
                ? bytes4(err) == JobEscrow.JobNotStarted.selector
                : alreadyPaid && bytes4(err) == JobEscrow.TaskAlreadyPaid.selector;
            if (!expected) ghostUnexpectedReverts++;
        }
    }

    /// @notice The platform starts an open job with a random job deadline: accepted exactly
    ///         when the escrow deadline covers it plus the settlement window.
    function startJob(uint256 jobSeed, uint256 length) external {
        if (jobIds.length == 0 || escrow.paused()) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open || job.jobDeadline != 0) return;
        uint256 jobDeadline = block.timestamp + bound(length, 1, 20 days);
        bool legal = job.deadline >= jobDeadline + escrow.settlementWindow();
        vm.prank(platform);
        try escrow.startJob(id, jobDeadline) {
            if (!legal) ghostLockBroken++;
        } catch (bytes memory err) {
            if (legal || bytes4(err) != JobEscrow.EscrowDeadlineTooEarly.selector) ghostUnexpectedReverts++;
        }
    }

    /// @notice The client tries to get its money back at any moment (cancel, then close): a
    ///         started job must refuse both until its escrow deadline.
    function clientExits(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        bool locked = job.status == JobEscrow.Status.Open && job.jobDeadline != 0;
        vm.prank(job.client);
        try escrow.cancelJob(id) {
            if (locked || job.paid != 0) ghostLockBroken++;
            return;
        } catch {}
        vm.prank(job.client);
        try escrow.closeJob(id) {
            if (locked && block.timestamp <= job.deadline) ghostLockBroken++;
        } catch {}
    }

    /// @notice The arbiter is absent: time passes its ruling deadline and anyone settles the
    ///         dispute by the default outcome, which must release the whole remainder.
    function abandonDispute(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        JobEscrow.Dispute memory d = escrow.getDispute(id);
        if (d.raisedBy == address(0)) return;
        uint256 left = escrow.remainingOf(id);
        uint256 clientBefore = escrow.claimable(job.token, job.client);
        if (block.timestamp <= d.ruleBy) {
            try escrow.resolveDisputeByTimeout(id) {
                ghostTimeoutFailures++;
            } catch {}
            vm.warp(uint256(d.ruleBy) + 1);
        }
        try escrow.resolveDisputeByTimeout(id) {
            if (escrow.remainingOf(id) != 0) ghostTimeoutFailures++;
            if (escrow.claimable(job.token, job.client) != clientBefore + left) ghostTimeoutFailures++;
            if (escrow.getDispute(id).raisedBy != address(0)) ghostTimeoutFailures++;
        } catch {
            ghostTimeoutFailures++;
        }
    }

    /// @notice Someone who is not governance tries to move a parameter or the pause; the
    ///         guardian may pause but never unpause. Governance's own changes are mirrored.
    function governance(uint256 callerSeed, uint256 action, uint256 value) external {
        address[5] memory others = [platform, arbiter, treasury, clients[0], guardian];
        bool byGovernor = callerSeed % 3 == 0;
        address caller = byGovernor ? governor : others[callerSeed % others.length];
        action = action % 4;
        if (action == 0) {
            value = bound(value, 0, 2_000);
            vm.prank(caller);
            try escrow.setFeeBps(value) {
                if (!byGovernor) ghostUnauthorizedChanges++;
                ghostFeeBps = value;
            } catch {}
        } else if (action == 1) {
            value = bound(value, 1 hours, 5 days);
            vm.prank(caller);
            try escrow.setSettlementWindow(value) {
                if (!byGovernor) ghostUnauthorizedChanges++;
                ghostSettlementWindow = value;
            } catch {}
        } else if (action == 2) {
            if (escrow.paused()) return;
            vm.prank(caller);
            try escrow.pause() {
                if (!byGovernor && caller != guardian) ghostUnauthorizedChanges++;
                ghostPaused = true;
            } catch {}
        } else {
            if (!escrow.paused()) return;
            vm.prank(caller);
            try escrow.unpause() {
                if (!byGovernor) ghostUnauthorizedChanges++;
                ghostPaused = false;
            } catch {}
        }
    }

    function completeJob(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open || escrow.paused()) return;
        vm.prank(platform);
        escrow.completeJob(id);
    }

    function cancelJob(uint256 jobSeed) external {
        if (jobIds.length == 0) return;
        (bytes32 id, JobEscrow.Job memory job) = _job(jobSeed);
        if (job.status != JobEscrow.Status.Open || job.jobDeadline != 0) return;
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
        if (d.raisedBy == address(0) || escrow.paused() || block.timestamp > d.ruleBy) return;
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
        feeBps = bound(feeBps, 0, 2_000);
        vm.prank(governor);
        escrow.setFeeBps(feeBps);
        ghostFeeBps = feeBps;
    }

    function warp(uint256 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 1, 5 days));
    }
}
