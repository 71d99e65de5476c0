// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/// @notice The parts of OAIToken that Governance reads: ERC20Votes checkpoints and its clock.
interface IVotesToken is IVotes, IERC6372 {}

/// @title Governance
/// @notice Token-weighted governance with a built-in timelock. Holders of delegated OAI votes
///         propose a batch of calls (typically parameter setters on Staking, JobEscrow,
///         Rewards and ModelRegistry, on which this contract holds GOVERNOR_ROLE). Votes are
///         read from the token's checkpoints at the proposal snapshot, so tokens bought or
///         borrowed after a proposal is made do not count.
///
///         Lifecycle (times on the token clock, i.e. block timestamps):
///           propose   -> Pending until `snapshot` (= now + votingDelay)
///                     -> Active while snapshot < now <= voteEnd (= snapshot + votingPeriod)
///           then      -> Defeated unless for > against and for + abstain >= quorum
///                     -> Succeeded; anyone may `queue`, which sets eta = now + timelockDelay
///                     -> Queued; anyone may `execute` from eta until eta + GRACE_PERIOD
///                     -> Expired after that.
///         The proposer may cancel until execution; anyone may cancel a proposal whose
///         proposer's votes have fallen below the proposal threshold.
///         Governance parameters can only be changed through governance itself.
contract Governance {
    enum ProposalState {
        Pending,
        Active,
        Canceled,
        Defeated,
        Succeeded,
        Queued,
        Expired,
        Executed
    }

    enum VoteType {
        Against,
        For,
        Abstain
    }

    struct Proposal {
        address proposer;
        uint48 snapshot;
        uint48 voteEnd;
        uint48 eta;
        bool executed;
        bool canceled;
        uint16 quorumBps; // quorum parameter at proposal time
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
    }

    uint256 public constant BPS = 10_000;
    uint256 public constant GRACE_PERIOD = 14 days;
    uint256 public constant MAX_ACTIONS = 16;
    uint256 public constant MIN_VOTING_DELAY = 1;
    uint256 public constant MAX_VOTING_DELAY = 30 days;
    uint256 public constant MIN_VOTING_PERIOD = 1 hours;
    uint256 public constant MAX_VOTING_PERIOD = 60 days;
    uint256 public constant MIN_TIMELOCK_DELAY = 1 hours;
    uint256 public constant MAX_TIMELOCK_DELAY = 30 days;

    IVotesToken public immutable token;

    /// @notice Votes (at now - 1) a proposer needs.
    uint256 public proposalThreshold;
    /// @notice Quorum as bps of the token's total supply at the snapshot.
    uint256 public quorumBps;
    uint256 public votingDelay;
    uint256 public votingPeriod;
    uint256 public timelockDelay;

    mapping(uint256 proposalId => Proposal) private _proposals;
    mapping(uint256 proposalId => mapping(address voter => bool)) public hasVoted;

    event ProposalCreated(
        uint256 indexed proposalId,
        address indexed proposer,
        address[] targets,
        bytes[] calldatas,
        uint256 snapshot,
        uint256 voteEnd,
        string description
    );
    event VoteCast(address indexed voter, uint256 indexed proposalId, uint8 support, uint256 weight, string reason);
    event ProposalQueued(uint256 indexed proposalId, uint256 eta);
    event ProposalExecuted(uint256 indexed proposalId);
    event ProposalCanceled(uint256 indexed proposalId);
    event ProposalThresholdUpdated(uint256 previous, uint256 current);
    event QuorumUpdated(uint256 previous, uint256 current);
    event VotingDelayUpdated(uint256 previous, uint256 current);
    event VotingPeriodUpdated(uint256 previous, uint256 current);
    event TimelockDelayUpdated(uint256 previous, uint256 current);

    error ZeroAddress();
    error UnsupportedClock();
    error OnlyGovernance();
    error InvalidProposalLength();
    error ProposalExists(uint256 proposalId);
    error UnknownProposal(uint256 proposalId);
    error BelowProposalThreshold(uint256 votes, uint256 threshold);
    error UnexpectedState(uint256 proposalId, ProposalState state);
    error InvalidVoteType(uint8 support);
    error AlreadyVoted(address voter);
    error NoVotingPower(address voter);
    error TimelockNotReady(uint256 eta);
    error CannotCancel(address caller);
    error ParameterOutOfRange(uint256 value);

    modifier onlyGovernance() {
        if (msg.sender != address(this)) revert OnlyGovernance();
        _;
    }

    constructor(
        IVotesToken token_,
        uint256 proposalThreshold_,
        uint256 quorumBps_,
        uint256 votingDelay_,
        uint256 votingPeriod_,
        uint256 timelockDelay_
    ) {
        if (address(token_) == address(0)) revert ZeroAddress();
        // Snapshots, voting periods and the timelock are all measured in seconds.
        if (keccak256(bytes(token_.CLOCK_MODE())) != keccak256("mode=timestamp")) revert UnsupportedClock();
        token = token_;
        _setProposalThreshold(proposalThreshold_);
        _setQuorumBps(quorumBps_);
        _setVotingDelay(votingDelay_);
        _setVotingPeriod(votingPeriod_);
        _setTimelockDelay(timelockDelay_);
    }

    // ------------------------------------------------------------------ lifecycle

    /// @notice Propose to execute `calldatas[i]` on `targets[i]` (no ETH), in order.
    function propose(address[] calldata targets, bytes[] calldata calldatas, string calldata description)
        external
        returns (uint256 proposalId)
    {
        if (targets.length == 0 || targets.length != calldatas.length || targets.length > MAX_ACTIONS) {
            revert InvalidProposalLength();
        }
        proposalId = hashProposal(targets, calldatas, keccak256(bytes(description)));
        (uint256 snapshot, uint256 voteEnd) = _create(proposalId);
        emit ProposalCreated(proposalId, msg.sender, targets, calldatas, snapshot, voteEnd, description);
    }

    /// @notice Vote Against (0), For (1) or Abstain (2) with the caller's votes at the snapshot.
    function castVote(uint256 proposalId, uint8 support) external returns (uint256) {
        return _castVote(proposalId, support, "");
    }

    function castVoteWithReason(uint256 proposalId, uint8 support, string calldata reason) external returns (uint256) {
        return _castVote(proposalId, support, reason);
    }

    /// @notice Start the timelock of a succeeded proposal. Anyone may call.
    function queue(address[] calldata targets, bytes[] calldata calldatas, bytes32 descriptionHash)
        external
        returns (uint256 proposalId)
    {
        proposalId = hashProposal(targets, calldatas, descriptionHash);
        ProposalState s = state(proposalId);
        if (s != ProposalState.Succeeded) revert UnexpectedState(proposalId, s);
        uint256 eta = block.timestamp + timelockDelay;
        // forge-lint: disable-next-line(unsafe-typecast) now + at most MAX_TIMELOCK_DELAY
        _proposals[proposalId].eta = uint48(eta);
        emit ProposalQueued(proposalId, eta);
    }

    /// @notice Execute a queued proposal once its timelock has passed. Anyone may call.
    function execute(address[] calldata targets, bytes[] calldata calldatas, bytes32 descriptionHash)
        external
        returns (uint256 proposalId)
    {
        proposalId = hashProposal(targets, calldatas, descriptionHash);
        ProposalState s = state(proposalId);
        if (s != ProposalState.Queued) revert UnexpectedState(proposalId, s);
        Proposal storage p = _proposals[proposalId];
        if (block.timestamp < p.eta) revert TimelockNotReady(p.eta);
        p.executed = true;
        emit ProposalExecuted(proposalId);
        for (uint256 i; i < targets.length; ++i) {
            // Bubbles the target's revert; reverts with AddressEmptyCode for a target without
            // code (e.g. a mistyped address) and FailedCall for an empty revert.
            Address.functionCall(targets[i], calldatas[i]);
        }
    }

    /// @notice Cancel a proposal that has not been executed. Allowed for the proposer, or for
    ///         anyone once the proposer's votes have fallen below the proposal threshold.
    function cancel(address[] calldata targets, bytes[] calldata calldatas, bytes32 descriptionHash)
        external
        returns (uint256 proposalId)
    {
        proposalId = hashProposal(targets, calldatas, descriptionHash);
        ProposalState s = state(proposalId);
        if (s == ProposalState.Canceled || s == ProposalState.Executed || s == ProposalState.Expired) {
            revert UnexpectedState(proposalId, s);
        }
        Proposal storage p = _proposals[proposalId];
        if (msg.sender != p.proposer) {
            uint256 votes = token.getPastVotes(p.proposer, token.clock() - 1);
            if (votes >= proposalThreshold) revert CannotCancel(msg.sender);
        }
        p.canceled = true;
        emit ProposalCanceled(proposalId);
    }

    // ------------------------------------------------------------------ views

    function hashProposal(address[] calldata targets, bytes[] calldata calldatas, bytes32 descriptionHash)
        public
        pure
        returns (uint256)
    {
        return uint256(keccak256(abi.encode(targets, calldatas, descriptionHash)));
    }

    function state(uint256 proposalId) public view returns (ProposalState) {
        Proposal storage p = _proposals[proposalId];
        if (p.proposer == address(0)) revert UnknownProposal(proposalId);
        if (p.executed) return ProposalState.Executed;
        if (p.canceled) return ProposalState.Canceled;
        uint256 now_ = token.clock();
        if (now_ <= p.snapshot) return ProposalState.Pending;
        if (now_ <= p.voteEnd) return ProposalState.Active;
        if (!_succeeded(p)) return ProposalState.Defeated;
        if (p.eta == 0) return ProposalState.Succeeded;
        if (block.timestamp > uint256(p.eta) + GRACE_PERIOD) return ProposalState.Expired;
        return ProposalState.Queued;
    }

    function getProposal(uint256 proposalId) external view returns (Proposal memory) {
        Proposal memory p = _proposals[proposalId];
        if (p.proposer == address(0)) revert UnknownProposal(proposalId);
        return p;
    }

    /// @notice Votes needed (for + abstain) for `proposalId` to reach quorum.
    function quorum(uint256 proposalId) public view returns (uint256) {
        Proposal storage p = _proposals[proposalId];
        if (p.proposer == address(0)) revert UnknownProposal(proposalId);
        return (token.getPastTotalSupply(p.snapshot) * p.quorumBps) / BPS;
    }

    // ------------------------------------------------------------------ self-governed parameters

    function setProposalThreshold(uint256 value) external onlyGovernance {
        _setProposalThreshold(value);
    }

    function setQuorumBps(uint256 value) external onlyGovernance {
        _setQuorumBps(value);
    }

    function setVotingDelay(uint256 value) external onlyGovernance {
        _setVotingDelay(value);
    }

    function setVotingPeriod(uint256 value) external onlyGovernance {
        _setVotingPeriod(value);
    }

    function setTimelockDelay(uint256 value) external onlyGovernance {
        _setTimelockDelay(value);
    }

    // ------------------------------------------------------------------ internal

    /// @dev Check the proposer's votes and record a new proposal.
    function _create(uint256 proposalId) private returns (uint256 snapshot, uint256 voteEnd) {
        uint256 now_ = token.clock();
        uint256 votes = token.getPastVotes(msg.sender, now_ - 1);
        if (votes < proposalThreshold) revert BelowProposalThreshold(votes, proposalThreshold);
        Proposal storage p = _proposals[proposalId];
        if (p.proposer != address(0)) revert ProposalExists(proposalId);
        snapshot = now_ + votingDelay;
        voteEnd = snapshot + votingPeriod;
        p.proposer = msg.sender;
        // Timestamps plus bounded delays fit in 48 bits; quorumBps <= BPS fits in 16 bits.
        // forge-lint: disable-next-line(unsafe-typecast)
        p.snapshot = uint48(snapshot);
        // forge-lint: disable-next-line(unsafe-typecast)
        p.voteEnd = uint48(voteEnd);
        // forge-lint: disable-next-line(unsafe-typecast)
        p.quorumBps = uint16(quorumBps);
    }

    function _castVote(uint256 proposalId, uint8 support, string memory reason) private returns (uint256 weight) {
        ProposalState s = state(proposalId);
        if (s != ProposalState.Active) revert UnexpectedState(proposalId, s);
        if (support > uint8(VoteType.Abstain)) revert InvalidVoteType(support);
        if (hasVoted[proposalId][msg.sender]) revert AlreadyVoted(msg.sender);
        Proposal storage p = _proposals[proposalId];
        weight = token.getPastVotes(msg.sender, p.snapshot);
        if (weight == 0) revert NoVotingPower(msg.sender);
        hasVoted[proposalId][msg.sender] = true;
        if (support == uint8(VoteType.For)) p.forVotes += weight;
        else if (support == uint8(VoteType.Against)) p.againstVotes += weight;
        else p.abstainVotes += weight;
        emit VoteCast(msg.sender, proposalId, support, weight, reason);
    }

    function _succeeded(Proposal storage p) private view returns (bool) {
        uint256 q = (token.getPastTotalSupply(p.snapshot) * p.quorumBps) / BPS;
        return p.forVotes > p.againstVotes && p.forVotes + p.abstainVotes >= q;
    }

    function _setProposalThreshold(uint256 value) private {
        emit ProposalThresholdUpdated(proposalThreshold, value);
        proposalThreshold = value;
    }

    function _setQuorumBps(uint256 value) private {
        if (value == 0 || value > BPS) revert ParameterOutOfRange(value);
        emit QuorumUpdated(quorumBps, value);
        quorumBps = value;
    }

    function _setVotingDelay(uint256 value) private {
        if (value < MIN_VOTING_DELAY || value > MAX_VOTING_DELAY) revert ParameterOutOfRange(value);
        emit VotingDelayUpdated(votingDelay, value);
        votingDelay = value;
    }

    function _setVotingPeriod(uint256 value) private {
        if (value < MIN_VOTING_PERIOD || value > MAX_VOTING_PERIOD) revert ParameterOutOfRange(value);
        emit VotingPeriodUpdated(votingPeriod, value);
        votingPeriod = value;
    }

    function _setTimelockDelay(uint256 value) private {
        if (value < MIN_TIMELOCK_DELAY || value > MAX_TIMELOCK_DELAY) revert ParameterOutOfRange(value);
        emit TimelockDelayUpdated(timelockDelay, value);
        timelockDelay = value;
    }
}
