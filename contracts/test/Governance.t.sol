// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Governance, IVotesToken} from "../src/Governance.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

/// @notice A votes token on a block-number clock, which Governance must refuse.
contract BlockClockToken {
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=blocknumber&from=default";
    }
}

/// @notice Governance: constructor, lifecycle, proposing, voting, queue, execute and cancel.
contract GovernanceTest is GovernanceTestBase {
    // ------------------------------------------------------------------ constructor

    function test_constructor_setsParameters() public view {
        assertEq(address(gov.token()), address(oai));
        assertEq(gov.proposalThreshold(), THRESHOLD);
        assertEq(gov.quorumBps(), QUORUM_BPS);
        assertEq(gov.votingDelay(), VOTING_DELAY);
        assertEq(gov.votingPeriod(), VOTING_PERIOD);
        assertEq(gov.timelockDelay(), TIMELOCK);
    }

    function test_constructor_reverts() public {
        IVotesToken t = IVotesToken(address(oai));
        IVotesToken blockClock = IVotesToken(address(new BlockClockToken()));
        vm.expectRevert(Governance.ZeroAddress.selector);
        new Governance(IVotesToken(address(0)), 0, 1, 1, 1 hours, 1 hours);
        vm.expectRevert(Governance.UnsupportedClock.selector);
        new Governance(blockClock, 0, 1, 1, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 0));
        new Governance(t, 0, 0, 1, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 10_001));
        new Governance(t, 0, 10_001, 1, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 0));
        new Governance(t, 0, 1, 0, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 30 days + 1));
        new Governance(t, 0, 1, 30 days + 1, 1 hours, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 1 hours - 1));
        new Governance(t, 0, 1, 1, 1 hours - 1, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 60 days + 1));
        new Governance(t, 0, 1, 1, 60 days + 1, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 1 hours - 1));
        new Governance(t, 0, 1, 1, 1 hours, 1 hours - 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.ParameterOutOfRange.selector, 30 days + 1));
        new Governance(t, 0, 1, 1, 1 hours, 30 days + 1);
    }

    // ------------------------------------------------------------------ full lifecycle

    function test_lifecycle_changesParametersAfterTimelock() public {
        uint256 id = _propose(minnow);
        assertEq(id, gov.hashProposal(targets, calldatas, _descriptionHash()));
        Governance.Proposal memory p = gov.getProposal(id);
        assertEq(p.proposer, minnow);
        assertEq(uint256(p.snapshot), block.timestamp + VOTING_DELAY);
        assertEq(uint256(p.voteEnd), block.timestamp + VOTING_DELAY + VOTING_PERIOD);
        _expectState(id, Governance.ProposalState.Pending);

        vm.warp(block.timestamp + VOTING_DELAY);
        _expectState(id, Governance.ProposalState.Pending);
        vm.warp(block.timestamp + 1);
        _expectState(id, Governance.ProposalState.Active);

        vm.expectEmit(address(gov));
        emit Governance.VoteCast(whale, id, 1, 100_000_000 ether, "");
        _vote(whale, id, 1);
        _vote(opponent, id, 0);
        assertTrue(gov.hasVoted(id, whale));
        assertEq(gov.quorum(id), 40_000_000 ether);

        vm.warp(block.timestamp + VOTING_PERIOD);
        _expectState(id, Governance.ProposalState.Succeeded);

        vm.expectEmit(address(gov));
        emit Governance.ProposalQueued(id, block.timestamp + TIMELOCK);
        gov.queue(targets, calldatas, _descriptionHash());
        _expectState(id, Governance.ProposalState.Queued);

        vm.warp(block.timestamp + TIMELOCK - 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.TimelockNotReady.selector, block.timestamp + 1));
        gov.execute(targets, calldatas, _descriptionHash());

        vm.warp(block.timestamp + 1);
        vm.expectEmit(address(gov));
        emit Governance.ProposalExecuted(id);
        vm.prank(stranger);
        gov.execute(targets, calldatas, _descriptionHash());
        _expectState(id, Governance.ProposalState.Executed);
        assertEq(staking.minStake(), 5_000 ether);
        assertEq(escrow.feeBps(), 500);

        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Executed)
        );
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_lifecycle_allGovernableParameters() public {
        delete targets;
        delete calldatas;
        targets.push(address(staking));
        calldatas.push(abi.encodeCall(StakingConfig.setMaxSlashBps, (2_000)));
        targets.push(address(staking));
        calldatas.push(abi.encodeCall(StakingConfig.setUnbondingPeriod, (14 days)));
        targets.push(address(staking));
        calldatas.push(abi.encodeCall(StakingConfig.setDisputeWindow, (5 days)));
        targets.push(address(rewards));
        calldatas.push(abi.encodeWithSignature("setMultiplierBounds(uint256,uint256)", 7_000, 13_000));
        targets.push(address(registry));
        calldatas.push(abi.encodeWithSignature("setMaxContributorBps(uint256)", 8_000));
        targets.push(address(escrow));
        calldatas.push(abi.encodeCall(JobEscrowConfig.setDisputeWindow, (7 days)));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        gov.execute(targets, calldatas, _descriptionHash());
        assertEq(staking.maxSlashBps(), 2_000);
        assertEq(staking.unbondingPeriod(), 14 days);
        assertEq(staking.disputeWindow(), 5 days);
        assertEq(rewards.minMultiplierBps(), 7_000);
        assertEq(rewards.maxMultiplierBps(), 13_000);
        assertEq(registry.maxContributorBps(), 8_000);
        assertEq(escrow.disputeWindow(), 7 days);
    }

    // ------------------------------------------------------------------ propose

    function test_propose_revertsOnBadLengths() public {
        vm.startPrank(whale);
        vm.expectRevert(Governance.InvalidProposalLength.selector);
        gov.propose(new address[](0), new bytes[](0), DESCRIPTION);
        vm.expectRevert(Governance.InvalidProposalLength.selector);
        gov.propose(new address[](2), new bytes[](1), DESCRIPTION);
        vm.expectRevert(Governance.InvalidProposalLength.selector);
        gov.propose(new address[](17), new bytes[](17), DESCRIPTION);
        vm.stopPrank();
    }

    function test_propose_revertsBelowThreshold() public {
        vm.prank(minnow);
        oai.transfer(stranger, 1);
        vm.warp(block.timestamp + 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.BelowProposalThreshold.selector, THRESHOLD - 1, THRESHOLD));
        _propose(minnow);
    }

    function test_propose_thresholdUsesPastVotes() public {
        // Votes acquired in the current second do not count yet.
        oai.transfer(stranger, THRESHOLD);
        _delegateSelf(stranger);
        vm.expectRevert(abi.encodeWithSelector(Governance.BelowProposalThreshold.selector, 0, THRESHOLD));
        _propose(stranger);
        vm.warp(block.timestamp + 1);
        _propose(stranger);
    }

    function test_propose_revertsOnDuplicate() public {
        uint256 id = _propose(minnow);
        vm.expectRevert(abi.encodeWithSelector(Governance.ProposalExists.selector, id));
        _propose(whale);
    }

    // ------------------------------------------------------------------ voting

    function test_castVote_revertsWhenNotActive() public {
        uint256 id = _propose(minnow);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Pending)
        );
        _vote(whale, id, 1);
        vm.warp(block.timestamp + VOTING_DELAY + VOTING_PERIOD + 1);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Defeated)
        );
        _vote(whale, id, 1);
    }

    function test_castVote_reverts() public {
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.InvalidVoteType.selector, 3));
        _vote(whale, id, 3);
        _vote(whale, id, 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.AlreadyVoted.selector, whale));
        _vote(whale, id, 0);
        vm.expectRevert(abi.encodeWithSelector(Governance.NoVotingPower.selector, stranger));
        _vote(stranger, id, 1);
        vm.expectRevert(abi.encodeWithSelector(Governance.UnknownProposal.selector, 42));
        _vote(whale, 42, 1);
    }

    function test_castVote_usesSnapshotNotCurrentBalance() public {
        uint256 id = _propose(minnow);
        // Buying votes after the proposal does not help: the snapshot is at propose + delay,
        // but tokens moved before it do count; those moved after do not.
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        vm.prank(whale);
        oai.transfer(opponent, 50_000_000 ether);
        _vote(opponent, id, 0);
        _vote(whale, id, 1);
        Governance.Proposal memory p = gov.getProposal(id);
        assertEq(p.againstVotes, 30_000_000 ether);
        assertEq(p.forVotes, 100_000_000 ether);
    }

    function test_castVoteWithReason_andAbstainCountsTowardsQuorum() public {
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(minnow, id, 1); // 1M for
        vm.expectEmit(address(gov));
        emit Governance.VoteCast(opponent, id, 2, 30_000_000 ether, "no opinion");
        vm.prank(opponent);
        gov.castVoteWithReason(id, 2, "no opinion"); // 30M abstain
        vm.warp(block.timestamp + VOTING_PERIOD);
        _expectState(id, Governance.ProposalState.Defeated); // 31M < 40M quorum
    }

    function test_quorumReachedWithAbstain() public {
        oai.transfer(carol, 10_000_000 ether);
        _delegateSelf(carol);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(minnow, id, 1);
        _vote(opponent, id, 2);
        _vote(carol, id, 2);
        vm.warp(block.timestamp + VOTING_PERIOD);
        _expectState(id, Governance.ProposalState.Succeeded); // 41M >= 40M and 1M > 0
    }

    function test_defeatedWhenAgainstWins() public {
        oai.transfer(opponent, 80_000_000 ether);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(whale, id, 1);
        _vote(opponent, id, 0); // 110M against 100M
        vm.warp(block.timestamp + VOTING_PERIOD);
        _expectState(id, Governance.ProposalState.Defeated);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Defeated)
        );
        gov.queue(targets, calldatas, _descriptionHash());
    }

    // ------------------------------------------------------------------ queue / execute

    function test_execute_revertsWhenNotQueued() public {
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(whale, id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Succeeded)
        );
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_execute_expiresAfterGracePeriod() public {
        uint256 id = _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK + gov.GRACE_PERIOD() + 1);
        _expectState(id, Governance.ProposalState.Expired);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Expired)
        );
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_execute_bubblesTargetRevert() public {
        delete targets;
        delete calldatas;
        targets.push(address(escrow));
        calldatas.push(abi.encodeCall(JobEscrowConfig.setFeeBps, (5_000)));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSelector(JobEscrowConfig.FeeTooHigh.selector, 5_000));
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_execute_revertsWithFailedCallOnEmptyRevert() public {
        delete targets;
        delete calldatas;
        targets.push(address(staking));
        calldatas.push(abi.encodeWithSignature("doesNotExist()"));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSignature("FailedCall()"));
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_execute_revertsForTargetWithoutCode() public {
        delete targets;
        delete calldatas;
        targets.push(stranger);
        calldatas.push(abi.encodeCall(StakingConfig.setMinStake, (1)));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(abi.encodeWithSignature("AddressEmptyCode(address)", stranger));
        gov.execute(targets, calldatas, _descriptionHash());
    }

    function test_execute_failsWithoutRoleOnTarget() public {
        bytes32 role = staking.GOVERNOR_ROLE();
        vm.prank(admin);
        staking.revokeRole(role, address(gov));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(_unauthorized(address(gov), staking.GOVERNOR_ROLE()));
        gov.execute(targets, calldatas, _descriptionHash());
    }

    // ------------------------------------------------------------------ cancel

    function test_cancel_byProposer() public {
        uint256 id = _passAndQueue();
        vm.expectEmit(address(gov));
        emit Governance.ProposalCanceled(id);
        vm.prank(minnow);
        gov.cancel(targets, calldatas, _descriptionHash());
        _expectState(id, Governance.ProposalState.Canceled);
        vm.warp(block.timestamp + TIMELOCK);
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Canceled)
        );
        gov.execute(targets, calldatas, _descriptionHash());
        vm.expectRevert(
            abi.encodeWithSelector(Governance.UnexpectedState.selector, id, Governance.ProposalState.Canceled)
        );
        vm.prank(minnow);
        gov.cancel(targets, calldatas, _descriptionHash());
    }

    function test_cancel_byAnyoneOnceProposerFallsBelowThreshold() public {
        uint256 id = _propose(minnow);
        vm.expectRevert(abi.encodeWithSelector(Governance.CannotCancel.selector, stranger));
        vm.prank(stranger);
        gov.cancel(targets, calldatas, _descriptionHash());
        vm.prank(minnow);
        oai.transfer(stranger, 1);
        vm.warp(block.timestamp + 1);
        vm.prank(stranger);
        gov.cancel(targets, calldatas, _descriptionHash());
        _expectState(id, Governance.ProposalState.Canceled);
    }
}
