// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./Fixture.sol";
import {Governance, IVotesToken} from "../../src/Governance.sol";
import {StakingConfig} from "../../src/staking/StakingConfig.sol";
import {Staking} from "../../src/Staking.sol";
import {JobEscrowConfig} from "../../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../../src/JobEscrow.sol";

/// @notice Shared set-up of the Governance suites: voters, a proposal and its helpers.
abstract contract GovernanceTestBase is Fixture {
    uint256 internal constant THRESHOLD = 1_000_000 ether;
    uint256 internal constant QUORUM_BPS = 400; // 4% of 1e9 = 40M
    uint256 internal constant VOTING_DELAY = 1 days;
    uint256 internal constant VOTING_PERIOD = 5 days;
    uint256 internal constant TIMELOCK = 2 days;

    Governance internal gov;
    address internal whale; // 100M votes
    address internal minnow; // 1M votes, exactly the threshold
    address internal opponent; // 30M votes

    address[] internal targets;
    bytes[] internal calldatas;
    string internal constant DESCRIPTION = "Raise the minimum stake and the platform fee";

    function setUp() public override {
        super.setUp();
        whale = makeAddr("whale");
        minnow = makeAddr("minnow");
        opponent = makeAddr("opponent");
        gov = new Governance(IVotesToken(address(oai)), THRESHOLD, QUORUM_BPS, VOTING_DELAY, VOTING_PERIOD, TIMELOCK);

        vm.startPrank(admin);
        staking.grantRole(staking.GOVERNOR_ROLE(), address(gov));
        escrow.grantRole(escrow.GOVERNOR_ROLE(), address(gov));
        rewards.grantRole(rewards.GOVERNOR_ROLE(), address(gov));
        registry.grantRole(registry.GOVERNOR_ROLE(), address(gov));
        vm.stopPrank();

        oai.transfer(whale, 100_000_000 ether);
        oai.transfer(minnow, THRESHOLD);
        oai.transfer(opponent, 30_000_000 ether);
        _delegateSelf(whale);
        _delegateSelf(minnow);
        _delegateSelf(opponent);
        vm.warp(block.timestamp + 1);

        targets.push(address(staking));
        calldatas.push(abi.encodeCall(StakingConfig.setMinStake, (5_000 ether)));
        targets.push(address(escrow));
        calldatas.push(abi.encodeCall(JobEscrowConfig.setFeeBps, (500)));
    }

    function _delegateSelf(address who) internal {
        vm.prank(who);
        oai.delegate(who);
    }

    function _propose(address proposer) internal returns (uint256 id) {
        vm.prank(proposer);
        id = gov.propose(targets, calldatas, DESCRIPTION);
    }

    function _vote(address voter, uint256 id, uint8 support) internal {
        vm.prank(voter);
        gov.castVote(id, support);
    }

    function _descriptionHash() internal pure returns (bytes32) {
        return keccak256(bytes(DESCRIPTION));
    }

    function _state(uint256 id) internal view returns (Governance.ProposalState) {
        return gov.state(id);
    }

    function _expectState(uint256 id, Governance.ProposalState expected) internal view {
        assertEq(uint256(gov.state(id)), uint256(expected), "proposal state");
    }

    function _passAndQueue() internal returns (uint256 id) {
        id = _propose(minnow);
        vm.warp(block.timestamp + VOTING_DELAY + 1);
        _vote(whale, id, 1);
        vm.warp(block.timestamp + VOTING_PERIOD);
        gov.queue(targets, calldatas, _descriptionHash());
    }
}
