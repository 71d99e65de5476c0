// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BaseTest} from "../utils/BaseTest.sol";
import {OAIToken} from "../../src/OAIToken.sol";
import {Staking} from "../../src/Staking.sol";
import {Rewards} from "../../src/Rewards.sol";

/// @notice Drives Staking and Rewards with bounded random actions from a fixed set of actors,
///         keeping ghost totals to check against. Actions never revert unexpectedly (the
///         invariant profile runs with fail_on_revert = true).
contract StakingRewardsHandler is BaseTest {
    OAIToken public immutable oai;
    Staking public immutable staking;
    Rewards public immutable rewards;
    address public immutable slasher;
    address public immutable platform;
    address public immutable funder;
    address public immutable arbiter;

    address[] public actors;
    bytes32[] public usedEvidence;
    /// @notice What the handler last saw each slash become, by evidence hash.
    mapping(bytes32 => Staking.SlashStatus) public ghostStatus;
    mapping(bytes32 => uint256) public ghostAmount;

    mapping(address => uint256) public ghostStakedIn;
    mapping(address => uint256) public ghostWithdrawn;
    mapping(address => uint256) public ghostSlashedFrom;
    mapping(address => uint256) public ghostRestoredTo;
    uint256 public ghostSlashedTotal;
    uint256 public ghostRestoredTotal;
    uint256 public ghostFinalizedTotal;
    uint256 public ghostSlashClaimed;
    uint256 public ghostFunded;
    uint256 public ghostRewardsClaimed;
    /// @notice Set when a slash larger than allowed (or than the stake it takes from) succeeded,
    ///         a reused evidence hash worked, a finished slash moved funds again, or a legal
    ///         dispute step was refused.
    bool public ghostViolation;
    uint256 public calls;
    /// @notice The handler's own model of each provider's slash period (start, base, used),
    ///         kept apart from the contract's so the cap is checked, not echoed.
    mapping(address => uint256) public modelPeriodStart;
    mapping(address => uint256) public modelPeriodBase;
    mapping(address => uint256) public modelPeriodUsed;

    constructor(
        OAIToken oai_,
        Staking staking_,
        Rewards rewards_,
        address slasher_,
        address platform_,
        address funder_,
        address arbiter_
    ) {
        oai = oai_;
        staking = staking_;
        rewards = rewards_;
        slasher = slasher_;
        platform = platform_;
        funder = funder_;
        arbiter = arbiter_;
        for (uint256 i; i < 4; ++i) {
            actors.push(address(uint160(0xA000 + i)));
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function slashCount() external view returns (uint256) {
        return usedEvidence.length;
    }

    function _actor(uint256 seed) internal view returns (address) {
        return actors[seed % actors.length];
    }

    // ------------------------------------------------------------------ staking actions

    function stake(uint256 actorSeed, uint256 amount) external {
        calls++;
        address a = _actor(actorSeed);
        amount = bound(amount, 1, 100_000 ether);
        vm.prank(a);
        staking.stake(amount);
        ghostStakedIn[a] += amount;
    }

    function requestUnbond(uint256 actorSeed, uint256 amount) external {
        calls++;
        address a = _actor(actorSeed);
        uint256 active = staking.stakeOf(a);
        if (active == 0) return;
        amount = bound(amount, 1, active);
        vm.prank(a);
        staking.requestUnbond(amount);
    }

    function withdraw(uint256 actorSeed) external {
        calls++;
        address a = _actor(actorSeed);
        (uint256 amount, uint256 releaseAt) = staking.unbondingOf(a);
        if (amount == 0 || block.timestamp < releaseAt) return;
        vm.prank(a);
        staking.withdraw();
        ghostWithdrawn[a] += amount;
    }

    function slash(uint256 actorSeed, uint256 amount, uint256 beneficiarySeed, bool reuseEvidence) external {
        calls++;
        // The first actor from the seed that can be slashed, so that most calls slash.
        address a = _actor(actorSeed);
        for (uint256 i; i < actors.length && staking.maxSlashOf(a) == 0; ++i) {
            a = actors[((actorSeed % actors.length) + i + 1) % actors.length];
        }
        uint256 limit = staking.maxSlashOf(a);
        uint256 active = staking.stakeOf(a);
        (uint256 unbonding,) = staking.unbondingOf(a);
        (bool fresh, uint256 allowed) = _modelAllowance(a, active + unbonding);
        if (reuseEvidence && usedEvidence.length != 0) {
            bytes32 old = usedEvidence[amount % usedEvidence.length];
            vm.prank(slasher);
            try staking.slash(a, 1, old, address(0)) {
                ghostViolation = true;
            } catch {}
            return;
        }
        if (limit == 0) return;
        // Sometimes ask for more than allowed: it must be refused.
        bool over = amount % 5 == 0;
        amount = over ? limit + 1 + (amount % 1_000) : _share(limit, amount);
        bytes32 evidence = keccak256(abi.encode("evidence", calls, a));
        // Recipients: the treasury, or an actor (only actors[0] is an allowed destination).
        address beneficiary = beneficiarySeed % 3 == 0 ? address(0) : _actor(beneficiarySeed);
        bool legal = amount <= allowed && (beneficiary == address(0) || staking.slashDestinationAllowed(beneficiary));
        vm.prank(slasher);
        try staking.slash(a, amount, evidence, beneficiary) {
            Staking.PendingSlash memory p = staking.pendingSlash(evidence);
            if (!legal || over || amount > active + unbonding) ghostViolation = true;
            if (fresh) {
                modelPeriodStart[a] = block.timestamp;
                modelPeriodBase[a] = active + unbonding;
                modelPeriodUsed[a] = 0;
            }
            modelPeriodUsed[a] += amount;
            if (p.fromActive > active || p.fromUnbonding > unbonding || p.amount != amount) ghostViolation = true;
            if (p.status != Staking.SlashStatus.Pending || p.provider != a) ghostViolation = true;
            usedEvidence.push(evidence);
            ghostStatus[evidence] = Staking.SlashStatus.Pending;
            ghostAmount[evidence] = amount;
            ghostSlashedFrom[a] += amount;
            ghostSlashedTotal += amount;
        } catch {
            if (legal) ghostViolation = true;
        }
    }

    /// @dev A share of what is allowed (1%..100%, at least 1 wei), so that repeated slashes reach
    ///      the period cap instead of taking a few wei each.
    function _share(uint256 limit, uint256 seed) internal pure returns (uint256 share) {
        share = (limit * (1 + (seed % 100))) / 100;
        if (share == 0) share = 1;
    }

    /// @dev What the per-slash cap and the modelled period cap allow now, and whether a slash
    ///      now would open a new period (the last one ended or there was none).
    function _modelAllowance(address a, uint256 slashable) internal view returns (bool fresh, uint256 allowed) {
        uint256 start = modelPeriodStart[a];
        fresh = start == 0 || block.timestamp >= start + staking.slashPeriod();
        uint256 base = fresh ? slashable : modelPeriodBase[a];
        uint256 used = fresh ? 0 : modelPeriodUsed[a];
        uint256 cap = (base * staking.maxPeriodSlashBps()) / 10_000;
        uint256 left = used >= cap ? 0 : cap - used;
        uint256 perSlash = (slashable * staking.maxSlashBps()) / 10_000;
        allowed = left < perSlash ? left : perSlash;
    }

    /// @notice The arbiter never rules: once a disputed slash's ruling deadline passes anyone
    ///         restores it, exactly then.
    function timeoutSlashDispute(uint256 slashSeed) external {
        calls++;
        if (usedEvidence.length == 0) return;
        bytes32 evidence = _pick(slashSeed, Staking.SlashStatus.Disputed);
        Staking.PendingSlash memory p = staking.pendingSlash(evidence);
        bool legal = p.status == Staking.SlashStatus.Disputed && block.timestamp > p.ruleBy;
        try staking.resolveSlashDisputeByTimeout(evidence) {
            if (!legal) ghostViolation = true;
            ghostStatus[evidence] = Staking.SlashStatus.Restored;
            ghostRestoredTo[p.provider] += p.amount;
            ghostRestoredTotal += p.amount;
        } catch {
            if (legal) ghostViolation = true;
        }
    }

    /// @notice Anyone but governance tries to move a parameter or lift a pause; the guardian
    ///         (here the slasher's neighbour, `funder`) has no role: every attempt must fail.
    function governanceProbe(uint256 callerSeed, uint256 action) external {
        calls++;
        address[4] memory others = [slasher, arbiter, platform, _actor(callerSeed)];
        address caller = others[callerSeed % others.length];
        bytes memory data;
        action = action % 6;
        if (action == 0) data = abi.encodeWithSignature("setSlashPeriodCap(uint256,uint256)", 1 days, 10_000);
        else if (action == 1) data = abi.encodeWithSignature("setMaxSlashBps(uint256)", 10_000);
        else if (action == 2) data = abi.encodeWithSignature("setSlashDestination(address,bool)", caller, true);
        else if (action == 3) data = abi.encodeWithSignature("setSlashRulingTimeout(uint256)", 90 days);
        else if (action == 4) data = abi.encodeWithSignature("pause()");
        else data = abi.encodeWithSignature("setTreasury(address)", caller);
        vm.prank(caller);
        (bool ok,) = address(staking).call(data);
        if (ok) ghostViolation = true;
    }

    /// @notice The provider disputes one of its slashes: accepted exactly from the provider,
    ///         while the slash is pending and inside its window.
    function disputeSlash(uint256 slashSeed) external {
        calls++;
        if (usedEvidence.length == 0) return;
        bytes32 evidence = _pick(slashSeed, Staking.SlashStatus.Pending);
        Staking.PendingSlash memory p = staking.pendingSlash(evidence);
        // Now and then someone other than the provider tries: always refused.
        address caller = slashSeed % 7 == 0 ? _actor(slashSeed / 7) : p.provider;
        bool legal =
            caller == p.provider && p.status == Staking.SlashStatus.Pending && block.timestamp <= p.disputeUntil;
        vm.prank(caller);
        try staking.disputeSlash(evidence) {
            if (!legal) ghostViolation = true;
            ghostStatus[evidence] = Staking.SlashStatus.Disputed;
        } catch {
            if (legal) ghostViolation = true;
        }
    }

    /// @notice The arbiter decides a slash: accepted exactly when it is disputed.
    function resolveSlashDispute(uint256 slashSeed, bool upheld) external {
        calls++;
        if (usedEvidence.length == 0) return;
        bytes32 evidence = _pick(slashSeed, Staking.SlashStatus.Disputed);
        Staking.PendingSlash memory p = staking.pendingSlash(evidence);
        bool legal = p.status == Staking.SlashStatus.Disputed && block.timestamp <= p.ruleBy;
        vm.prank(arbiter);
        try staking.resolveSlashDispute(evidence, upheld) {
            if (!legal) ghostViolation = true;
            if (upheld) {
                ghostStatus[evidence] = Staking.SlashStatus.Restored;
                ghostRestoredTo[p.provider] += p.amount;
                ghostRestoredTotal += p.amount;
            } else {
                ghostStatus[evidence] = Staking.SlashStatus.Finalized;
                ghostFinalizedTotal += p.amount;
            }
        } catch {
            if (legal) ghostViolation = true;
        }
    }

    /// @notice Anyone finalizes a slash: accepted exactly when it is pending and past its window.
    function finalizeSlash(uint256 slashSeed) external {
        calls++;
        if (usedEvidence.length == 0) return;
        bytes32 evidence = _pick(slashSeed, Staking.SlashStatus.Pending);
        Staking.PendingSlash memory p = staking.pendingSlash(evidence);
        bool legal = p.status == Staking.SlashStatus.Pending && block.timestamp > p.disputeUntil;
        try staking.finalizeSlash(evidence) {
            if (!legal) ghostViolation = true;
            ghostStatus[evidence] = Staking.SlashStatus.Finalized;
            ghostFinalizedTotal += p.amount;
        } catch {
            if (legal) ghostViolation = true;
        }
    }

    /// @dev Three times in four, the first slash from the seed's position in `wanted` status
    ///      (uniform picks rarely line up slash, dispute and ruling on one slash); otherwise,
    ///      or when none is, any slash, so that steps on a wrong status are tried too.
    function _pick(uint256 seed, Staking.SlashStatus wanted) internal view returns (bytes32) {
        uint256 n = usedEvidence.length;
        uint256 start = seed % n;
        if (seed % 4 != 0) {
            for (uint256 i; i < n; ++i) {
                bytes32 evidence = usedEvidence[(start + i) % n];
                if (ghostStatus[evidence] == wanted) return evidence;
            }
        }
        return usedEvidence[start];
    }

    function claimSlashed(uint256 actorSeed, bool asTreasury) external {
        calls++;
        address a = asTreasury ? staking.treasury() : _actor(actorSeed);
        uint256 amount = staking.claimable(a);
        if (amount == 0) return;
        vm.prank(a);
        staking.claim();
        ghostSlashClaimed += amount;
    }

    // ------------------------------------------------------------------ rewards actions

    function fund(uint256 epochOffset, uint256 amount) external {
        calls++;
        amount = bound(amount, 1, 50_000 ether);
        uint256 epoch = rewards.currentEpoch() + (epochOffset % 4);
        vm.prank(funder);
        rewards.fundEpoch(epoch, amount);
        ghostFunded += amount;
    }

    function claimRewards(uint256 actorSeed, bool asTreasury) external {
        calls++;
        address a = asTreasury ? rewards.treasury() : _actor(actorSeed);
        uint256 amount = rewards.earned(a);
        if (amount == 0) return;
        vm.prank(a);
        uint256 paid = rewards.claim();
        if (paid != amount) ghostViolation = true;
        ghostRewardsClaimed += paid;
    }

    function setReputation(uint256 actorSeed, uint256 multiplier) external {
        calls++;
        multiplier = bound(multiplier, rewards.minMultiplierBps(), rewards.maxMultiplierBps());
        vm.prank(platform);
        rewards.setReputation(_actor(actorSeed), multiplier);
    }

    function sweep() external {
        calls++;
        if (rewards.unallocated() == 0) return;
        rewards.sweepUnallocated();
    }

    function warp(uint256 seconds_) external {
        calls++;
        vm.warp(block.timestamp + bound(seconds_, 1, 4 days));
    }
}
