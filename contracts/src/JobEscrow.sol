// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IStakingView} from "./interfaces/IStaking.sol";
import {JobEscrowConfig} from "./escrow/JobEscrowConfig.sol";

/// @title JobEscrow
/// @notice Marketplace escrow for training and inference jobs. A client posts a job and funds
///         its budget in any ERC-20 (e.g. a stablecoin). Staked providers record bids. The
///         platform starts the job on chain (`startJob`), which locks the escrow: from then on
///         the client can neither cancel nor close it before the escrow deadline, and the
///         escrow deadline must be at least the job's deadline plus the governance-set
///         settlement window, so the platform can always pay for the work it ran. The
///         platform releases payment per task id (each task id pays at most once); the provider
///         share is credited as a claimable balance and the platform fee to the treasury. When
///         the platform marks the job complete a dispute window opens, in which the client or a
///         paid provider may raise a dispute that ARBITER_ROLE resolves by awarding part of the
///         remaining escrow to the provider, refunding it to the client, and/or clawing back
///         the provider's unwithdrawn pay for the job. After the window (or after the deadline
///         if the job was never completed) anyone may close the job, crediting the remainder to
///         the client. A client may cancel a job only before it starts. A dispute the arbiter
///         does not rule on within `disputeRulingTimeout` is settled by anyone with the default
///         outcome: the provider keeps what it was paid, the remainder goes to the client. A
///         pause (GUARDIAN_ROLE or governance; only governance unpauses) stops posting,
///         starting, payments, completion and rulings; withdrawals, cancel, close, raising
///         disputes and the ruling timeout stay open. All payouts are pulled with
///         `withdraw(token)`.
/// @dev    Per token: token.balanceOf(this) == totalEscrowed[token] + totalClaimable[token].
///         Tokens that charge transfer fees or rebase are not supported (postJob checks the
///         amount received).
contract JobEscrow is JobEscrowConfig, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Open, // funded; payments may be released
        Completed, // marked complete; dispute window running
        Closed, // remainder returned to the client
        Cancelled // cancelled by the client before any payment
    }

    struct Job {
        address client;
        Status status;
        address token;
        uint64 deadline; // escrow deadline: an open job can be closed after it
        uint64 disputeDeadline; // set when completed
        uint64 jobDeadline; // set by startJob (0: not started); deadline >= jobDeadline + settlementWindow
        bytes32 specHash;
        uint256 budget; // amount funded
        uint256 paid; // gross released to providers (fees included)
        uint256 refunded; // returned to the client
    }

    struct Dispute {
        address raisedBy; // address(0) when no dispute is open
        address provider; // provider concerned (may be zero for a client dispute about the remainder)
        bytes32 reasonHash;
        uint64 ruleBy; // last second the arbiter may rule; after it, resolveDisputeByTimeout
    }

    mapping(bytes32 jobId => Job) private _jobs;
    mapping(bytes32 jobId => Dispute) private _disputes;
    /// @notice Whether a task of a job has been paid.
    mapping(bytes32 jobId => mapping(bytes32 taskId => bool)) public taskPaid;
    /// @notice Net amount credited to a provider for a job (after fees, before clawbacks).
    mapping(bytes32 jobId => mapping(address provider => uint256)) public paidTo;
    /// @notice Amount clawed back from a provider for a job.
    mapping(bytes32 jobId => mapping(address provider => uint256)) public clawedBack;
    /// @notice Latest bid (price per task, in the job token) of a provider for a job.
    mapping(bytes32 jobId => mapping(address provider => uint256)) public bidOf;
    /// @notice Balances waiting to be withdrawn, per token and account.
    mapping(address token => mapping(address account => uint256)) public claimable;
    /// @notice Sum of the remaining budgets of open and completed jobs, per token.
    mapping(address token => uint256) public totalEscrowed;
    /// @notice Sum of claimable balances, per token.
    mapping(address token => uint256) public totalClaimable;

    event JobPosted(
        bytes32 indexed jobId,
        address indexed client,
        address indexed token,
        uint256 budget,
        uint256 deadline,
        bytes32 specHash
    );
    event BidPlaced(bytes32 indexed jobId, address indexed provider, uint256 pricePerTask);
    event TaskPaid(
        bytes32 indexed jobId, bytes32 indexed taskId, address indexed provider, uint256 amount, uint256 fee
    );
    event JobStarted(bytes32 indexed jobId, uint256 jobDeadline);
    event JobCompleted(bytes32 indexed jobId, uint256 disputeDeadline);
    event JobCancelled(bytes32 indexed jobId, uint256 refund);
    event JobClosed(bytes32 indexed jobId, uint256 refund);
    event DisputeRaised(bytes32 indexed jobId, address indexed raisedBy, address indexed provider, bytes32 reasonHash);
    event DisputeResolved(
        bytes32 indexed jobId,
        address indexed provider,
        uint256 providerAward,
        uint256 providerFee,
        uint256 clientRefund,
        uint256 clawback
    );
    /// @notice The arbiter did not rule by `ruleBy`; the default outcome followed (DisputeResolved).
    event DisputeTimedOut(bytes32 indexed jobId, uint256 ruleBy);
    event Withdrawn(address indexed token, address indexed account, uint256 amount);

    error ZeroAmount();
    error ZeroId();
    error JobExists(bytes32 jobId);
    error InvalidDeadline(uint256 deadline);
    error UnsupportedToken(address token);
    error InvalidStatus(bytes32 jobId, Status status);
    error DeadlinePassed(bytes32 jobId, uint256 deadline);
    error NotStaked(address provider);
    error TaskAlreadyPaid(bytes32 jobId, bytes32 taskId);
    error InsufficientEscrow(uint256 requested, uint256 available);
    error NotClient(address caller);
    error AlreadyPaid(bytes32 jobId);
    error NotClosable(bytes32 jobId);
    error DisputeWindowClosed(bytes32 jobId, uint256 disputeDeadline);
    error DisputeOpen(bytes32 jobId);
    error NoOpenDispute(bytes32 jobId);
    error NotDisputeParty(address caller);
    error NotPaidProvider(address provider);
    error NoDisputedProvider(bytes32 jobId);
    error ClawbackTooLarge(uint256 requested, uint256 available);
    error NothingToWithdraw();
    error JobAlreadyStarted(bytes32 jobId);
    error JobNotStarted(bytes32 jobId);
    error EscrowDeadlineTooEarly(bytes32 jobId, uint256 escrowDeadline, uint256 required);
    error DisputeRulingTimedOut(bytes32 jobId, uint256 ruleBy);
    error DisputeRulingPending(bytes32 jobId, uint256 ruleBy);

    /// @param admin          receives DEFAULT_ADMIN_ROLE
    /// @param treasury_      receives platform fees
    /// @param feeBps_        platform fee, at most MAX_FEE_BPS
    /// @param disputeWindow_ seconds, at most MAX_DISPUTE_WINDOW
    /// @param staking_       when non-zero, bidders must be staked there
    constructor(address admin, address treasury_, uint256 feeBps_, uint256 disputeWindow_, IStakingView staking_)
        JobEscrowConfig(admin, treasury_, feeBps_, disputeWindow_, staking_)
    {}

    // ------------------------------------------------------------------ client

    /// @notice Post and fund a job; `budget` of `token` is pulled from the caller.
    /// @param jobId    platform-assigned id, unique (derive it from the client address to avoid
    ///                 front-running of ids)
    /// @param specHash hash of the job specification
    /// @param deadline timestamp after which an uncompleted job can be closed and refunded; to
    ///                 be started, at least the job's own deadline plus `settlementWindow`
    function postJob(bytes32 jobId, bytes32 specHash, IERC20 token, uint256 budget, uint256 deadline)
        external
        nonReentrant
        whenNotPaused
    {
        if (jobId == bytes32(0)) revert ZeroId();
        if (address(token) == address(0)) revert ZeroAddress();
        if (budget == 0) revert ZeroAmount();
        if (deadline <= block.timestamp || deadline > block.timestamp + MAX_JOB_DURATION) {
            revert InvalidDeadline(deadline);
        }
        Job storage job = _jobs[jobId];
        if (job.status != Status.None) revert JobExists(jobId);

        job.client = msg.sender;
        job.status = Status.Open;
        job.token = address(token);
        // forge-lint: disable-next-line(unsafe-typecast) deadline <= now + MAX_JOB_DURATION
        job.deadline = uint64(deadline);
        job.specHash = specHash;
        job.budget = budget;
        totalEscrowed[address(token)] += budget;
        emit JobPosted(jobId, msg.sender, address(token), budget, deadline, specHash);

        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), budget);
        if (token.balanceOf(address(this)) - before != budget) revert UnsupportedToken(address(token));
    }

    /// @notice Cancel an open job the platform has not started; the whole budget becomes
    ///         claimable by the client. Open while paused (it returns the client's own funds).
    function cancelJob(bytes32 jobId) external {
        Job storage job = _jobs[jobId];
        if (job.client != msg.sender) revert NotClient(msg.sender);
        if (job.status != Status.Open) revert InvalidStatus(jobId, job.status);
        if (job.jobDeadline != 0) revert JobAlreadyStarted(jobId);
        if (job.paid != 0) revert AlreadyPaid(jobId);
        uint256 refund = job.budget - job.refunded;
        job.status = Status.Cancelled;
        job.refunded += refund;
        _creditFromEscrow(job.token, msg.sender, refund);
        emit JobCancelled(jobId, refund);
    }

    /// @notice Return the remaining escrow to the client: after the dispute window of a
    ///         completed job (with no dispute open), or after the deadline of a job that was
    ///         never completed (a started job's escrow deadline is at least its job deadline plus
    ///         the settlement window). Anyone may call, also while paused; the client pulls with
    ///         `withdraw`.
    function closeJob(bytes32 jobId) external {
        Job storage job = _jobs[jobId];
        Status status = job.status;
        if (status == Status.Open) {
            if (block.timestamp <= job.deadline) revert NotClosable(jobId);
        } else if (status == Status.Completed) {
            if (block.timestamp <= job.disputeDeadline) revert NotClosable(jobId);
            if (_disputes[jobId].raisedBy != address(0)) revert DisputeOpen(jobId);
        } else {
            revert InvalidStatus(jobId, status);
        }
        uint256 refund = _remaining(job);
        job.status = Status.Closed;
        job.refunded += refund;
        _creditFromEscrow(job.token, job.client, refund);
        emit JobClosed(jobId, refund);
    }

    // ------------------------------------------------------------------ providers

    /// @notice Record a bid (price per task in the job token); a later bid replaces it.
    function placeBid(bytes32 jobId, uint256 pricePerTask) external {
        Job storage job = _jobs[jobId];
        if (job.status != Status.Open) revert InvalidStatus(jobId, job.status);
        if (block.timestamp > job.deadline) revert DeadlinePassed(jobId, job.deadline);
        if (pricePerTask == 0) revert ZeroAmount();
        IStakingView s = staking;
        if (address(s) != address(0) && !s.isStaked(msg.sender)) revert NotStaked(msg.sender);
        bidOf[jobId][msg.sender] = pricePerTask;
        emit BidPlaced(jobId, msg.sender, pricePerTask);
    }

    // ------------------------------------------------------------------ platform

    /// @notice Start an open job whose work ends by `jobDeadline`: locks the escrow (no cancel;
    ///         close only after the escrow deadline) and allows payments. Reverts unless the
    ///         escrow deadline is at least `jobDeadline + settlementWindow`.
    function startJob(bytes32 jobId, uint256 jobDeadline) external onlyRole(PLATFORM_ROLE) whenNotPaused {
        Job storage job = _jobs[jobId];
        if (job.status != Status.Open) revert InvalidStatus(jobId, job.status);
        if (job.jobDeadline != 0) revert JobAlreadyStarted(jobId);
        if (jobDeadline <= block.timestamp || jobDeadline > block.timestamp + MAX_JOB_DURATION) {
            revert InvalidDeadline(jobDeadline);
        }
        uint256 required = jobDeadline + settlementWindow;
        if (job.deadline < required) revert EscrowDeadlineTooEarly(jobId, job.deadline, required);
        // forge-lint: disable-next-line(unsafe-typecast) jobDeadline <= now + MAX_JOB_DURATION
        job.jobDeadline = uint64(jobDeadline);
        emit JobStarted(jobId, jobDeadline);
    }

    /// @notice Pay `amount` (fee included) for `taskId` of an open, started job to `provider`.
    ///         Each task id of a job pays once; a second attempt reverts with TaskAlreadyPaid.
    function releasePayment(bytes32 jobId, bytes32 taskId, address provider, uint256 amount)
        external
        onlyRole(PLATFORM_ROLE)
        whenNotPaused
    {
        if (taskId == bytes32(0)) revert ZeroId();
        if (provider == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        Job storage job = _jobs[jobId];
        if (job.status != Status.Open) revert InvalidStatus(jobId, job.status);
        if (job.jobDeadline == 0) revert JobNotStarted(jobId);
        if (taskPaid[jobId][taskId]) revert TaskAlreadyPaid(jobId, taskId);
        uint256 available = _remaining(job);
        if (amount > available) revert InsufficientEscrow(amount, available);

        taskPaid[jobId][taskId] = true;
        job.paid += amount;
        uint256 fee = _payProvider(jobId, job.token, provider, amount);
        emit TaskPaid(jobId, taskId, provider, amount, fee);
    }

    /// @notice Mark an open job complete; starts the dispute window and stops payments.
    function completeJob(bytes32 jobId) external onlyRole(PLATFORM_ROLE) whenNotPaused {
        Job storage job = _jobs[jobId];
        if (job.status != Status.Open) revert InvalidStatus(jobId, job.status);
        uint256 disputeDeadline = block.timestamp + disputeWindow;
        job.status = Status.Completed;
        // forge-lint: disable-next-line(unsafe-typecast) now + at most MAX_DISPUTE_WINDOW
        job.disputeDeadline = uint64(disputeDeadline);
        emit JobCompleted(jobId, disputeDeadline);
    }

    // ------------------------------------------------------------------ disputes

    /// @notice Raise a dispute on a completed job within its window. The client names the
    ///         provider concerned (a paid provider, or address(0) for a dispute about the
    ///         remainder only); a paid provider disputes for itself (`provider` is ignored).
    function raiseDispute(bytes32 jobId, address provider, bytes32 reasonHash) external {
        Job storage job = _jobs[jobId];
        if (job.status != Status.Completed) revert InvalidStatus(jobId, job.status);
        if (block.timestamp > job.disputeDeadline) revert DisputeWindowClosed(jobId, job.disputeDeadline);
        Dispute storage d = _disputes[jobId];
        if (d.raisedBy != address(0)) revert DisputeOpen(jobId);

        address concerned;
        if (msg.sender == job.client) {
            if (provider != address(0) && paidTo[jobId][provider] == 0) revert NotPaidProvider(provider);
            concerned = provider;
        } else if (paidTo[jobId][msg.sender] != 0) {
            concerned = msg.sender;
        } else {
            revert NotDisputeParty(msg.sender);
        }
        d.raisedBy = msg.sender;
        d.provider = concerned;
        d.reasonHash = reasonHash;
        // forge-lint: disable-next-line(unsafe-typecast) now + at most MAX_RULING_TIMEOUT
        d.ruleBy = uint64(block.timestamp + disputeRulingTimeout);
        emit DisputeRaised(jobId, msg.sender, concerned, reasonHash);
    }

    /// @notice Resolve the open dispute of a job.
    /// @param providerAward from the remaining escrow to the disputed provider (fee applies)
    /// @param clientRefund  from the remaining escrow to the client
    /// @param clawback      from the disputed provider's unwithdrawn balance to the client, at
    ///                      most what it was paid for this job minus earlier clawbacks
    /// @dev Only up to the dispute's `ruleBy` second; after it only the default outcome applies.
    function resolveDispute(bytes32 jobId, uint256 providerAward, uint256 clientRefund, uint256 clawback)
        external
        onlyRole(ARBITER_ROLE)
        whenNotPaused
    {
        Dispute storage d = _disputes[jobId];
        if (d.raisedBy == address(0)) revert NoOpenDispute(jobId);
        if (block.timestamp > d.ruleBy) revert DisputeRulingTimedOut(jobId, d.ruleBy);
        Job storage job = _jobs[jobId];
        address provider = d.provider;
        if (provider == address(0) && (providerAward != 0 || clawback != 0)) revert NoDisputedProvider(jobId);
        uint256 available = _remaining(job);
        if (providerAward + clientRefund > available) {
            revert InsufficientEscrow(providerAward + clientRefund, available);
        }
        address token = job.token;
        if (clawback != 0) {
            uint256 maxClawback = paidTo[jobId][provider] - clawedBack[jobId][provider];
            uint256 balance = claimable[token][provider];
            if (balance < maxClawback) maxClawback = balance;
            if (clawback > maxClawback) revert ClawbackTooLarge(clawback, maxClawback);
        }

        delete _disputes[jobId];
        uint256 fee;
        if (providerAward != 0) {
            job.paid += providerAward;
            fee = _payProvider(jobId, token, provider, providerAward);
        }
        if (clientRefund != 0) {
            job.refunded += clientRefund;
            _creditFromEscrow(token, job.client, clientRefund);
        }
        if (clawback != 0) {
            clawedBack[jobId][provider] += clawback;
            claimable[token][provider] -= clawback;
            claimable[token][job.client] += clawback;
        }
        emit DisputeResolved(jobId, provider, providerAward, fee, clientRefund, clawback);
    }

    /// @notice Settle a dispute the arbiter did not rule on by its `ruleBy` second, with the
    ///         default outcome: the provider keeps what it was paid (no clawback, no award) and
    ///         the remaining escrow goes to the client. Anyone may call, also while paused.
    function resolveDisputeByTimeout(bytes32 jobId) external {
        Dispute storage d = _disputes[jobId];
        if (d.raisedBy == address(0)) revert NoOpenDispute(jobId);
        uint256 ruleBy = d.ruleBy;
        if (block.timestamp <= ruleBy) revert DisputeRulingPending(jobId, ruleBy);
        address provider = d.provider;
        delete _disputes[jobId];
        Job storage job = _jobs[jobId];
        uint256 refund = _remaining(job);
        job.refunded += refund;
        _creditFromEscrow(job.token, job.client, refund);
        emit DisputeTimedOut(jobId, ruleBy);
        emit DisputeResolved(jobId, provider, 0, 0, refund, 0);
    }

    // ------------------------------------------------------------------ withdrawals

    /// @notice Withdraw the caller's claimable balance of `token`. Open while paused: balances
    ///         are final credits, and freezing them would lock honest users' money.
    function withdraw(IERC20 token) external nonReentrant returns (uint256 amount) {
        amount = claimable[address(token)][msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        claimable[address(token)][msg.sender] = 0;
        totalClaimable[address(token)] -= amount;
        emit Withdrawn(address(token), msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    function getJob(bytes32 jobId) external view returns (Job memory) {
        return _jobs[jobId];
    }

    function getDispute(bytes32 jobId) external view returns (Dispute memory) {
        return _disputes[jobId];
    }

    /// @notice Escrow left in a job (zero once closed or cancelled).
    function remainingOf(bytes32 jobId) external view returns (uint256) {
        return _remaining(_jobs[jobId]);
    }

    // ------------------------------------------------------------------ internal

    function _remaining(Job storage job) private view returns (uint256) {
        return job.budget - job.paid - job.refunded;
    }

    /// @dev Move `amount` of a job's escrow to `provider` (net of fee) and the treasury (fee).
    function _payProvider(bytes32 jobId, address token, address provider, uint256 amount)
        private
        returns (uint256 fee)
    {
        fee = (amount * feeBps) / BPS;
        uint256 net = amount - fee;
        paidTo[jobId][provider] += net;
        totalEscrowed[token] -= amount;
        totalClaimable[token] += amount;
        claimable[token][provider] += net;
        if (fee != 0) claimable[token][treasury] += fee;
    }

    function _creditFromEscrow(address token, address account, uint256 amount) private {
        if (amount == 0) return;
        totalEscrowed[token] -= amount;
        totalClaimable[token] += amount;
        claimable[token][account] += amount;
    }
}
