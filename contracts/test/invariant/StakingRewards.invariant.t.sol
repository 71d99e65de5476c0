// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {InvariantBase} from "../utils/BaseTest.sol";
import {OAIToken} from "../../src/OAIToken.sol";
import {Staking} from "../../src/Staking.sol";
import {Rewards} from "../../src/Rewards.sol";
import {IStakingView, IStakeListener} from "../../src/interfaces/IStaking.sol";
import {StakingRewardsHandler} from "./StakingRewardsHandler.sol";

contract StakingRewardsInvariantTest is InvariantBase {
    OAIToken internal oai;
    Staking internal staking;
    Rewards internal rewards;
    StakingRewardsHandler internal handler;
    address internal treasury = address(0x7EA5);

    function setUp() public {
        vm.warp(1_700_000_000);
        oai = new OAIToken(address(this), 1_000_000_000 ether);
        staking = new Staking(oai, address(this), treasury, 1_000 ether, 2 days, 3_000);
        rewards = new Rewards(oai, IStakingView(address(staking)), address(this), treasury, 3 days);
        staking.setStakeListener(IStakeListener(address(rewards)));
        address slasher = address(0x51A5);
        address platform = address(0x91A7);
        address funder = address(0xF00D);
        address arbiter = address(0xA4B1);
        staking.grantRole(staking.SLASHER_ROLE(), slasher);
        staking.grantRole(staking.ARBITER_ROLE(), arbiter);
        rewards.grantRole(rewards.PLATFORM_ROLE(), platform);
        handler = new StakingRewardsHandler(oai, staking, rewards, slasher, platform, funder, arbiter);
        // A cumulative cap that binds after two slashes, one allowed destination besides the
        // treasury, and the shortest ruling timeout so absent arbiters are seen.
        staking.grantRole(staking.GOVERNOR_ROLE(), address(this));
        staking.setSlashPeriodCap(3 days, 4_000);
        staking.setSlashDestination(handler.actors(0), true);
        staking.setSlashRulingTimeout(1 days);

        oai.transfer(funder, 100_000_000 ether);
        vm.prank(funder);
        oai.approve(address(rewards), type(uint256).max);
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            oai.transfer(a, 100_000_000 ether);
            vm.prank(a);
            oai.approve(address(staking), type(uint256).max);
        }

        bytes4[] memory selectors = new bytes4[](15);
        selectors[0] = StakingRewardsHandler.stake.selector;
        selectors[1] = StakingRewardsHandler.requestUnbond.selector;
        selectors[2] = StakingRewardsHandler.withdraw.selector;
        selectors[3] = StakingRewardsHandler.slash.selector;
        selectors[4] = StakingRewardsHandler.claimSlashed.selector;
        selectors[5] = StakingRewardsHandler.fund.selector;
        selectors[6] = StakingRewardsHandler.claimRewards.selector;
        selectors[7] = StakingRewardsHandler.setReputation.selector;
        selectors[8] = StakingRewardsHandler.sweep.selector;
        selectors[9] = StakingRewardsHandler.warp.selector;
        selectors[10] = StakingRewardsHandler.disputeSlash.selector;
        selectors[11] = StakingRewardsHandler.resolveSlashDispute.selector;
        selectors[12] = StakingRewardsHandler.finalizeSlash.selector;
        selectors[13] = StakingRewardsHandler.timeoutSlashDispute.selector;
        selectors[14] = StakingRewardsHandler.governanceProbe.selector;
        _target(address(handler), selectors);
    }

    /// Staking holds exactly its stakes, unbonding amounts, claimable slashed funds and the
    /// funds of slashes that are not final yet.
    function invariant_stakingConservation() public view {
        assertEq(
            oai.balanceOf(address(staking)),
            staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable() + staking.totalPendingSlashes(),
            "staking balance"
        );
        uint256 active;
        uint256 unbonding;
        uint256 claimable = staking.claimable(treasury);
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            (uint256 u,) = staking.unbondingOf(a);
            active += staking.stakeOf(a);
            unbonding += u;
            claimable += staking.claimable(a);
        }
        assertEq(active, staking.totalStaked(), "sum of active stakes");
        assertEq(unbonding, staking.totalUnbonding(), "sum of unbonding");
        assertEq(claimable, staking.totalClaimable(), "sum of claimables");
        assertEq(staking.totalClaimable() + handler.ghostSlashClaimed(), handler.ghostFinalizedTotal(), "final slashes");
        assertEq(
            staking.totalPendingSlashes() + handler.ghostFinalizedTotal() + handler.ghostRestoredTotal(),
            handler.ghostSlashedTotal(),
            "slashed = held + finalized + restored"
        );
    }

    /// Every slash is in the state its history allows; the held funds are exactly those of
    /// pending and disputed slashes; a finalized or restored slash stays so.
    function invariant_slashStatesAndHeldFunds() public view {
        uint256 held;
        for (uint256 i; i < handler.slashCount(); ++i) {
            bytes32 evidence = handler.usedEvidence(i);
            Staking.PendingSlash memory p = staking.pendingSlash(evidence);
            assertEq(uint256(p.status), uint256(handler.ghostStatus(evidence)), "slash status");
            assertEq(p.amount, handler.ghostAmount(evidence), "slash amount");
            assertEq(p.fromActive + p.fromUnbonding, p.amount, "slash parts");
            assertTrue(staking.evidenceUsed(evidence), "evidence stays used");
            if (p.status == Staking.SlashStatus.Pending || p.status == Staking.SlashStatus.Disputed) held += p.amount;
        }
        assertEq(held, staking.totalPendingSlashes(), "held funds");
    }

    /// Each provider's stake is what it put in minus what it withdrew minus what was slashed,
    /// plus what upheld disputes restored; slashes never exceed the allowed share or reuse
    /// evidence, and dispute steps succeed exactly when they are legal.
    function invariant_slashesNeverExceedStake() public view {
        assertFalse(handler.ghostViolation(), "slash limit, evidence reuse, dispute step or claim mismatch");
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            uint256 inFlow = handler.ghostStakedIn(a) + handler.ghostRestoredTo(a);
            uint256 out = handler.ghostWithdrawn(a) + handler.ghostSlashedFrom(a);
            assertLe(out, inFlow, "slashed + withdrawn <= staked");
            assertEq(staking.slashableOf(a), inFlow - out, "per-provider stake");
        }
    }

    /// Rewards holds what was funded minus what was claimed, and that always covers every
    /// account's earned rewards, the unallocated stream and the unreleased pools.
    function invariant_rewardsSolvent() public view {
        uint256 balance = oai.balanceOf(address(rewards));
        assertEq(balance, handler.ghostFunded() - handler.ghostRewardsClaimed(), "rewards balance");
        assertEq(rewards.totalFunded(), handler.ghostFunded(), "funded");
        assertEq(rewards.totalClaimed(), handler.ghostRewardsClaimed(), "claimed");
        uint256 owed = rewards.earned(treasury);
        for (uint256 i; i < handler.actorCount(); ++i) {
            owed += rewards.earned(handler.actors(i));
        }
        uint256 liabilities = owed + rewards.unallocated() + rewards.unreleased();
        assertLe(liabilities, balance, "solvent");
        assertLe(balance - liabilities, 10_000, "only rounding dust is unaccounted");
    }

    /// Cached reward weights follow stake x multiplier and sum to the total weight.
    function invariant_rewardWeightsMatchStakes() public view {
        uint256 sum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            uint256 expected = (staking.stakeOf(a) * rewards.multiplierOf(a)) / 10_000;
            assertEq(rewards.weightOf(a), expected, "weight");
            sum += expected;
        }
        assertEq(rewards.totalWeight(), sum, "total weight");
    }

    /// Repeated slashes never take more than the period cap of a provider's stake: the
    /// contract's period record agrees with the handler's own model and stays under the cap,
    /// and only governance moves the cap (every other caller's attempt failed).
    function invariant_slashPeriodCapNeverExceeded() public view {
        uint256 bps = staking.maxPeriodSlashBps();
        for (uint256 i; i < handler.actorCount(); ++i) {
            address a = handler.actors(i);
            (Staking.SlashPeriodUse memory use,) = staking.slashPeriodOf(a);
            assertLe(use.used, (use.base * bps) / 10_000, "period cap");
            assertEq(use.start, handler.modelPeriodStart(a), "period start");
            if (use.start != 0) {
                assertEq(use.used, handler.modelPeriodUsed(a), "period use");
                assertEq(use.base, handler.modelPeriodBase(a), "period base");
            }
        }
        assertEq(staking.maxPeriodSlashBps(), 4_000, "cap moved");
        assertEq(staking.maxSlashBps(), 3_000, "per-slash cap moved");
        assertFalse(staking.paused(), "paused by a non-guardian");
    }
}
