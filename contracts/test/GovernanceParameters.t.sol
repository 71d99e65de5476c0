// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Governance, IVotesToken} from "../src/Governance.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {GovernanceTestBase} from "./utils/GovernanceTestBase.sol";

/// @notice Governance: self-governed parameters and fuzzed voting.
contract GovernanceParametersTest is GovernanceTestBase {
    // ------------------------------------------------------------------ self-governed parameters

    function test_setters_onlyThroughGovernance() public {
        vm.startPrank(whale);
        vm.expectRevert(Governance.OnlyGovernance.selector);
        gov.setProposalThreshold(1);
        vm.expectRevert(Governance.OnlyGovernance.selector);
        gov.setQuorumBps(1);
        vm.expectRevert(Governance.OnlyGovernance.selector);
        gov.setVotingDelay(1);
        vm.expectRevert(Governance.OnlyGovernance.selector);
        gov.setVotingPeriod(1 hours);
        vm.expectRevert(Governance.OnlyGovernance.selector);
        gov.setTimelockDelay(1 hours);
        vm.stopPrank();
    }

    function test_setters_viaProposal() public {
        delete targets;
        delete calldatas;
        targets.push(address(gov));
        calldatas.push(abi.encodeCall(Governance.setProposalThreshold, (5 ether)));
        targets.push(address(gov));
        calldatas.push(abi.encodeCall(Governance.setQuorumBps, (1_000)));
        targets.push(address(gov));
        calldatas.push(abi.encodeCall(Governance.setVotingDelay, (2 days)));
        targets.push(address(gov));
        calldatas.push(abi.encodeCall(Governance.setVotingPeriod, (7 days)));
        targets.push(address(gov));
        calldatas.push(abi.encodeCall(Governance.setTimelockDelay, (3 days)));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        gov.execute(targets, calldatas, _descriptionHash());
        assertEq(gov.proposalThreshold(), 5 ether);
        assertEq(gov.quorumBps(), 1_000);
        assertEq(gov.votingDelay(), 2 days);
        assertEq(gov.votingPeriod(), 7 days);
        assertEq(gov.timelockDelay(), 3 days);
    }

    function test_governanceCanTakeOverAdmin() public {
        vm.startPrank(admin);
        staking.grantRole(staking.DEFAULT_ADMIN_ROLE(), address(gov));
        staking.renounceRole(staking.DEFAULT_ADMIN_ROLE(), admin);
        vm.stopPrank();
        delete targets;
        delete calldatas;
        targets.push(address(staking));
        calldatas.push(abi.encodeWithSignature("grantRole(bytes32,address)", staking.SLASHER_ROLE(), carol));
        _passAndQueue();
        vm.warp(block.timestamp + TIMELOCK);
        gov.execute(targets, calldatas, _descriptionHash());
        assertTrue(staking.hasRole(staking.SLASHER_ROLE(), carol));
    }

    function test_views_revertForUnknownProposal() public {
        vm.expectRevert(abi.encodeWithSelector(Governance.UnknownProposal.selector, 7));
        gov.state(7);
        vm.expectRevert(abi.encodeWithSelector(Governance.UnknownProposal.selector, 7));
        gov.getProposal(7);
        vm.expectRevert(abi.encodeWithSelector(Governance.UnknownProposal.selector, 7));
        gov.quorum(7);
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_outcomeMatchesTally(uint256 forVotes, uint256 againstVotes, uint256 abstainVotes) public {
        address v1 = makeAddr("v1");
        address v2 = makeAddr("v2");
        address v3 = makeAddr("v3");
        forVotes = bound(forVotes, 1, 100_000_000 ether);
        againstVotes = bound(againstVotes, 1, 100_000_000 ether);
        abstainVotes = bound(abstainVotes, 1, 100_000_000 ether);
        oai.transfer(v1, forVotes);
        oai.transfer(v2, againstVotes);
        oai.transfer(v3, abstainVotes);
        _delegateSelf(v1);
        _delegateSelf(v2);
        _delegateSelf(v3);
        vm.warp(block.timestamp + 1);
        uint256 id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(v1, id, 1);
        _vote(v2, id, 0);
        _vote(v3, id, 2);
        vm.warp(block.timestamp + VOTING_PERIOD);
        bool passes = forVotes > againstVotes && forVotes + abstainVotes >= (SUPPLY * QUORUM_BPS) / 10_000;
        _expectState(id, passes ? Governance.ProposalState.Succeeded : Governance.ProposalState.Defeated);
    }
}
