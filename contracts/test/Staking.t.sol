// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {OAIToken} from "../src/OAIToken.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

contract StakingTest is Fixture {
    bytes32 internal constant EVIDENCE = keccak256("evidence-1");

    // ------------------------------------------------------------------ constructor

    function test_constructor_setsParameters() public view {
        assertEq(address(staking.token()), address(oai));
        assertEq(staking.treasury(), treasury);
        assertEq(staking.minStake(), MIN_STAKE);
        assertEq(staking.unbondingPeriod(), UNBONDING);
        assertEq(staking.maxSlashBps(), MAX_SLASH_BPS);
        assertEq(staking.disputeWindow(), 2 days);
        assertEq(staking.disputeWindow(), staking.DEFAULT_DISPUTE_WINDOW());
        assertTrue(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), admin));
    }

    function test_constructor_emitsDefaultDisputeWindow() public {
        vm.expectEmit();
        emit StakingConfig.DisputeWindowUpdated(0, 2 days);
        new Staking(oai, admin, treasury, 1, 1, 1);
    }

    function test_constructor_revertsOnZeroToken() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        new Staking(IERC20(address(0)), admin, treasury, 1, 1, 1);
    }

    function test_constructor_revertsOnZeroAdmin() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        new Staking(oai, address(0), treasury, 1, 1, 1);
    }

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        new Staking(oai, admin, address(0), 1, 1, 1);
    }

    function test_constructor_revertsOnLongUnbonding() public {
        uint256 tooLong = staking.MAX_UNBONDING_PERIOD() + 1;
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.UnbondingPeriodTooLong.selector, tooLong));
        new Staking(oai, admin, treasury, 1, tooLong, 1);
    }

    function test_constructor_revertsOnBadSlashBps() public {
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.InvalidBps.selector, 10_001));
        new Staking(oai, admin, treasury, 1, 1, 10_001);
    }

    // ------------------------------------------------------------------ stake

    function test_stake_bondsAndEmits() public {
        vm.expectEmit(address(staking));
        emit Staking.Staked(alice, 600 ether, 600 ether);
        _stake(alice, 600 ether);
        assertEq(staking.stakeOf(alice), 600 ether);
        assertEq(staking.totalStaked(), 600 ether);
        assertEq(oai.balanceOf(address(staking)), 600 ether);
        assertFalse(staking.isStaked(alice));

        _stake(alice, 400 ether);
        assertEq(staking.stakeOf(alice), MIN_STAKE);
        assertTrue(staking.isStaked(alice));
    }

    function test_stake_notifiesRewards() public {
        _stake(alice, 2_000 ether);
        assertEq(rewards.weightOf(alice), 2_000 ether);
        assertEq(rewards.totalWeight(), 2_000 ether);
    }

    function test_stake_revertsOnZero() public {
        vm.expectRevert(Staking.ZeroAmount.selector);
        _stake(alice, 0);
    }

    function test_stake_revertsWithoutAllowance() public {
        vm.prank(alice);
        oai.approve(address(staking), 0);
        vm.expectRevert(
            abi.encodeWithSignature("ERC20InsufficientAllowance(address,uint256,uint256)", address(staking), 0, 1 ether)
        );
        _stake(alice, 1 ether);
    }

    function test_isStaked_withZeroMinimumNeedsPositiveStake() public {
        vm.prank(governor);
        staking.setMinStake(0);
        assertFalse(staking.isStaked(alice));
        _stake(alice, 1);
        assertTrue(staking.isStaked(alice));
    }

    // ------------------------------------------------------------------ unbonding

    function test_requestUnbond_movesStakeAndStartsCooldown() public {
        _stake(alice, 3_000 ether);
        vm.expectEmit(address(staking));
        emit Staking.UnbondingRequested(alice, 2_500 ether, 2_500 ether, block.timestamp + UNBONDING);
        vm.prank(alice);
        staking.requestUnbond(2_500 ether);

        assertEq(staking.stakeOf(alice), 500 ether);
        (uint256 amount, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(amount, 2_500 ether);
        assertEq(releaseAt, block.timestamp + UNBONDING);
        assertEq(staking.totalStaked(), 500 ether);
        assertEq(staking.totalUnbonding(), 2_500 ether);
        assertEq(staking.slashableOf(alice), 3_000 ether);
        assertFalse(staking.isStaked(alice), "unbonding does not count");
        assertEq(rewards.weightOf(alice), 500 ether);
    }

    function test_requestUnbond_secondRequestRestartsCooldown() public {
        _stake(alice, 3_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        vm.warp(block.timestamp + 3 days);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        (uint256 amount, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(amount, 2_000 ether);
        assertEq(releaseAt, block.timestamp + UNBONDING);
    }

    function test_requestUnbond_revertsOnZero() public {
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(alice);
        staking.requestUnbond(0);
    }

    function test_requestUnbond_revertsAboveActiveStake() public {
        _stake(alice, 100 ether);
        vm.expectRevert(abi.encodeWithSelector(Staking.InsufficientActiveStake.selector, 101 ether, 100 ether));
        vm.prank(alice);
        staking.requestUnbond(101 ether);
    }

    function test_withdraw_afterCooldown() public {
        _stake(alice, 3_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        uint256 balanceBefore = oai.balanceOf(alice);
        vm.warp(block.timestamp + UNBONDING);
        vm.expectEmit(address(staking));
        emit Staking.Withdrawn(alice, 1_000 ether);
        vm.prank(alice);
        staking.withdraw();
        assertEq(oai.balanceOf(alice), balanceBefore + 1_000 ether);
        (uint256 amount, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(amount, 0);
        assertEq(releaseAt, 0);
        assertEq(staking.totalUnbonding(), 0);
        assertEq(oai.balanceOf(address(staking)), 2_000 ether);
    }

    function test_withdraw_revertsWhenNothingUnbonding() public {
        _stake(alice, 3_000 ether);
        vm.expectRevert(Staking.NothingUnbonding.selector);
        vm.prank(alice);
        staking.withdraw();
    }

    function test_withdraw_revertsBeforeCooldown() public {
        _stake(alice, 3_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        uint256 releaseAt = block.timestamp + UNBONDING;
        vm.warp(releaseAt - 1);
        vm.expectRevert(abi.encodeWithSelector(Staking.UnbondingNotReady.selector, releaseAt));
        vm.prank(alice);
        staking.withdraw();
    }

    // ------------------------------------------------------------------ slashing

    function test_slash_takesActiveFirstThenUnbonding() public {
        _stake(alice, 1_000 ether);
        vm.prank(alice);
        staking.requestUnbond(600 ether); // active 400, unbonding 600
        // limit = 50% of 1000 = 500: 400 from active, 100 from unbonding
        vm.expectEmit(address(staking));
        emit Staking.Slashed(alice, EVIDENCE, treasury, 500 ether, 400 ether, 100 ether, slasher);
        vm.expectEmit(address(staking));
        emit Staking.SlashPending(EVIDENCE, alice, 500 ether, uint64(block.timestamp + 2 days));
        vm.prank(slasher);
        staking.slash(alice, 500 ether, EVIDENCE, address(0));

        assertEq(staking.stakeOf(alice), 0);
        (uint256 unbonding,) = staking.unbondingOf(alice);
        assertEq(unbonding, 500 ether);
        assertEq(staking.claimable(treasury), 0, "held, not credited");
        assertEq(staking.totalClaimable(), 0);
        assertEq(staking.totalPendingSlashes(), 500 ether);
        assertEq(staking.totalStaked(), 0);
        assertEq(staking.totalUnbonding(), 500 ether);
        assertTrue(staking.evidenceUsed(EVIDENCE));
        assertEq(rewards.weightOf(alice), 0);
    }

    function test_slash_recordsPendingSlash() public {
        _stake(alice, 1_000 ether);
        vm.prank(alice);
        staking.requestUnbond(600 ether);
        vm.prank(slasher);
        staking.slash(alice, 500 ether, EVIDENCE, client);
        Staking.PendingSlash memory p = staking.pendingSlash(EVIDENCE);
        assertEq(p.provider, alice);
        assertEq(p.recipient, client);
        assertEq(p.amount, 500 ether);
        assertEq(p.fromActive, 400 ether);
        assertEq(p.fromUnbonding, 100 ether);
        assertEq(uint256(p.disputeUntil), block.timestamp + 2 days);
        assertEq(uint256(p.status), uint256(Staking.SlashStatus.Pending));
        assertEq(staking.claimable(client), 0);
        _assertConservation();
    }

    function test_slash_dropsProviderBelowMinimumAtOnce() public {
        _stake(alice, MIN_STAKE);
        assertTrue(staking.isStaked(alice));
        vm.prank(slasher);
        staking.slash(alice, 1, EVIDENCE, address(0));
        assertFalse(staking.isStaked(alice), "no waiting for the dispute window");
        assertEq(rewards.weightOf(alice), MIN_STAKE - 1);
    }

    function test_slash_usesWindowInForceAtSlashTime() public {
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 100 ether, EVIDENCE, address(0));
        uint256 slashedAt = block.timestamp;
        vm.prank(governor);
        staking.setDisputeWindow(10 days);
        assertEq(uint256(staking.pendingSlash(EVIDENCE).disputeUntil), slashedAt + 2 days);
        vm.prank(slasher);
        staking.slash(alice, 100 ether, keccak256("evidence-2"), address(0));
        assertEq(uint256(staking.pendingSlash(keccak256("evidence-2")).disputeUntil), slashedAt + 10 days);
    }

    function test_pendingSlash_unknownIsEmpty() public view {
        Staking.PendingSlash memory p = staking.pendingSlash(EVIDENCE);
        assertEq(uint256(p.status), uint256(Staking.SlashStatus.None));
        assertEq(p.provider, address(0));
        assertEq(p.amount, 0);
    }

    function test_slash_creditsBeneficiaryWhoClaims() public {
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 300 ether, EVIDENCE, client);
        assertEq(staking.claimable(client), 0);
        vm.warp(block.timestamp + 2 days + 1);
        staking.finalizeSlash(EVIDENCE);
        assertEq(staking.claimable(client), 300 ether);
        assertEq(staking.claimable(treasury), 0);

        uint256 before = oai.balanceOf(client);
        vm.expectEmit(address(staking));
        emit Staking.Claimed(client, 300 ether);
        vm.prank(client);
        staking.claim();
        assertEq(oai.balanceOf(client), before + 300 ether);
        assertEq(staking.claimable(client), 0);
        assertEq(staking.totalClaimable(), 0);
        _assertConservation();
    }

    function test_slash_onlyUnbondingDoesNotTouchActive() public {
        _stake(alice, 1_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 100 ether, EVIDENCE, address(0));
        (uint256 unbonding,) = staking.unbondingOf(alice);
        assertEq(unbonding, 900 ether);
        assertEq(staking.maxSlashOf(alice), 450 ether);
    }

    function test_slash_revertsOnReusedEvidence() public {
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 100 ether, EVIDENCE, address(0));
        vm.expectRevert(abi.encodeWithSelector(Staking.EvidenceAlreadyUsed.selector, EVIDENCE));
        vm.prank(slasher);
        staking.slash(alice, 100 ether, EVIDENCE, address(0));
    }

    function test_slash_evidenceIsGlobalAcrossProviders() public {
        _stake(alice, 2_000 ether);
        _stake(bob, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 100 ether, EVIDENCE, address(0));
        vm.expectRevert(abi.encodeWithSelector(Staking.EvidenceAlreadyUsed.selector, EVIDENCE));
        vm.prank(slasher);
        staking.slash(bob, 100 ether, EVIDENCE, address(0));
    }

    function test_slash_revertsAboveLimit() public {
        _stake(alice, 2_000 ether);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsLimit.selector, 1_000 ether + 1, 1_000 ether));
        vm.prank(slasher);
        staking.slash(alice, 1_000 ether + 1, EVIDENCE, address(0));
    }

    function test_slash_revertsWhenProviderHasNoStake() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsLimit.selector, 1, 0));
        vm.prank(slasher);
        staking.slash(alice, 1, EVIDENCE, address(0));
    }

    function test_slash_revertsOnZeroProvider() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        vm.prank(slasher);
        staking.slash(address(0), 1, EVIDENCE, address(0));
    }

    function test_slash_revertsOnZeroAmount() public {
        vm.expectRevert(Staking.ZeroAmount.selector);
        vm.prank(slasher);
        staking.slash(alice, 0, EVIDENCE, address(0));
    }

    function test_slash_revertsOnZeroEvidence() public {
        vm.expectRevert(Staking.ZeroEvidence.selector);
        vm.prank(slasher);
        staking.slash(alice, 1, bytes32(0), address(0));
    }

    function test_slash_revertsWhenDisabled() public {
        _stake(alice, 2_000 ether);
        vm.prank(governor);
        staking.setMaxSlashBps(0);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsLimit.selector, 1, 0));
        vm.prank(slasher);
        staking.slash(alice, 1, EVIDENCE, address(0));
    }

    function test_slash_revertsForNonSlasher() public {
        _stake(alice, 2_000 ether);
        vm.expectRevert(_unauthorized(stranger, staking.SLASHER_ROLE()));
        vm.prank(stranger);
        staking.slash(alice, 1, EVIDENCE, address(0));
    }

    function test_claim_revertsWhenNothingToClaim() public {
        vm.expectRevert(Staking.NothingToClaim.selector);
        vm.prank(treasury);
        staking.claim();
    }

    // ------------------------------------------------------------------ slash disputes

    function _slashAlice(uint256 stakeAmount, uint256 unbondAmount, uint256 amount, address beneficiary)
        internal
        returns (uint64 disputeUntil)
    {
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        vm.prank(slasher);
        staking.slash(alice, amount, EVIDENCE, beneficiary);
        disputeUntil = staking.pendingSlash(EVIDENCE).disputeUntil;
    }

    function _dispute() internal {
        vm.prank(alice);
        staking.disputeSlash(EVIDENCE);
    }

    function _status(bytes32 evidence) internal view returns (Staking.SlashStatus) {
        return staking.pendingSlash(evidence).status;
    }

    function test_disputeSlash_byProviderMarksDisputed() public {
        _slashAlice(2_000 ether, 0, 300 ether, client);
        vm.expectEmit(address(staking));
        emit Staking.SlashDisputed(EVIDENCE, alice);
        _dispute();
        assertEq(uint256(_status(EVIDENCE)), uint256(Staking.SlashStatus.Disputed));
        assertEq(staking.totalPendingSlashes(), 300 ether, "still held");
        assertEq(staking.stakeOf(alice), 1_700 ether, "stake stays taken while disputed");
        _assertConservation();
    }

    function test_disputeSlash_allowedOnLastSecondOfWindow() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.warp(until);
        _dispute();
        assertEq(uint256(_status(EVIDENCE)), uint256(Staking.SlashStatus.Disputed));
    }

    function test_disputeSlash_revertsAfterWindow() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.warp(uint256(until) + 1);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowClosed.selector, EVIDENCE, until));
        _dispute();
    }

    function test_disputeSlash_revertsOnUnknownEvidence() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.UnknownSlash.selector, EVIDENCE));
        _dispute();
    }

    function test_disputeSlash_revertsForOthersThanTheProvider() public {
        _slashAlice(2_000 ether, 0, 300 ether, client);
        address[5] memory others = [client, treasury, slasher, arbiter, bob];
        for (uint256 i; i < others.length; ++i) {
            vm.expectRevert(abi.encodeWithSelector(Staking.NotSlashedProvider.selector, EVIDENCE, others[i]));
            vm.prank(others[i]);
            staking.disputeSlash(EVIDENCE);
        }
    }

    function test_disputeSlash_revertsWhenAlreadyDisputed() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotPending.selector, EVIDENCE, Staking.SlashStatus.Disputed)
        );
        _dispute();
    }

    function test_disputeSlash_revertsWhenFinalized() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.warp(uint256(until) + 1);
        staking.finalizeSlash(EVIDENCE);
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotPending.selector, EVIDENCE, Staking.SlashStatus.Finalized)
        );
        _dispute();
    }

    function test_disputeSlash_revertsWhenRestored() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotPending.selector, EVIDENCE, Staking.SlashStatus.Restored)
        );
        _dispute();
    }

    function test_resolveSlashDispute_upheldRestoresActiveStake() public {
        _slashAlice(MIN_STAKE, 0, 400 ether, client);
        assertFalse(staking.isStaked(alice));
        assertEq(rewards.weightOf(alice), 600 ether);
        _dispute();
        vm.warp(block.timestamp + 5 days); // the arbiter may take longer than the window
        vm.expectEmit(address(staking));
        emit Staking.SlashRestored(EVIDENCE, alice, 400 ether);
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);

        assertEq(staking.stakeOf(alice), MIN_STAKE);
        assertTrue(staking.isStaked(alice));
        assertEq(rewards.weightOf(alice), MIN_STAKE, "listener notified");
        assertEq(staking.totalStaked(), MIN_STAKE);
        assertEq(staking.totalPendingSlashes(), 0);
        assertEq(staking.claimable(client), 0);
        assertEq(uint256(_status(EVIDENCE)), uint256(Staking.SlashStatus.Restored));
        _assertConservation();
    }

    function test_resolveSlashDispute_upheldRestoresUnbondingWithItsReleaseTime() public {
        _stake(alice, 1_000 ether);
        vm.prank(alice);
        staking.requestUnbond(600 ether); // active 400, unbonding 600
        (, uint256 releaseAt) = staking.unbondingOf(alice);
        vm.prank(slasher);
        staking.slash(alice, 500 ether, EVIDENCE, address(0)); // 400 active + 100 unbonding
        _dispute();
        vm.warp(block.timestamp + 1 days);
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);

        assertEq(staking.stakeOf(alice), 400 ether);
        (uint256 unbonding, uint256 releaseAfter) = staking.unbondingOf(alice);
        assertEq(unbonding, 600 ether);
        assertEq(releaseAfter, releaseAt, "cooldown not restarted");
        assertEq(staking.totalUnbonding(), 600 ether);
        assertEq(staking.totalStaked(), 400 ether);
        _assertConservation();
    }

    function test_resolveSlashDispute_upheldAfterWithdrawalLeavesRestoredAmountWithdrawable() public {
        _stake(alice, 1_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 200 ether, EVIDENCE, address(0));
        _dispute();
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(alice);
        staking.withdraw(); // the 800 left; releaseAt resets to 0
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);
        (uint256 unbonding, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(unbonding, 200 ether);
        assertEq(releaseAt, 0);
        vm.prank(alice);
        staking.withdraw();
        assertEq(staking.slashableOf(alice), 0);
        _assertConservation();
    }

    function test_resolveSlashDispute_restoredEvidenceStaysUsed() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);
        assertTrue(staking.evidenceUsed(EVIDENCE));
        vm.expectRevert(abi.encodeWithSelector(Staking.EvidenceAlreadyUsed.selector, EVIDENCE));
        vm.prank(slasher);
        staking.slash(alice, 300 ether, EVIDENCE, address(0));
    }

    function test_resolveSlashDispute_rejectedCreditsRecipient() public {
        _slashAlice(2_000 ether, 0, 300 ether, client);
        _dispute();
        vm.expectEmit(address(staking));
        emit Staking.SlashFinalized(EVIDENCE, client, 300 ether);
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, false);

        assertEq(staking.claimable(client), 300 ether);
        assertEq(staking.totalClaimable(), 300 ether);
        assertEq(staking.totalPendingSlashes(), 0);
        assertEq(staking.stakeOf(alice), 1_700 ether);
        assertEq(uint256(_status(EVIDENCE)), uint256(Staking.SlashStatus.Finalized));
        _assertConservation();
        uint256 before = oai.balanceOf(client);
        vm.prank(client);
        staking.claim();
        assertEq(oai.balanceOf(client), before + 300 ether);
    }

    function test_resolveSlashDispute_rejectedToTreasury() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, false);
        assertEq(staking.claimable(treasury), 300 ether);
    }

    function test_resolveSlashDispute_revertsForNonArbiter() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        address[4] memory others = [alice, slasher, governor, admin];
        for (uint256 i; i < others.length; ++i) {
            vm.expectRevert(_unauthorized(others[i], staking.ARBITER_ROLE()));
            vm.prank(others[i]);
            staking.resolveSlashDispute(EVIDENCE, true);
        }
    }

    function test_resolveSlashDispute_revertsOnUnknownEvidence() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.UnknownSlash.selector, EVIDENCE));
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);
    }

    function test_resolveSlashDispute_revertsWhenNotDisputed() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotDisputed.selector, EVIDENCE, Staking.SlashStatus.Pending)
        );
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, false);
    }

    function test_resolveSlashDispute_revertsWhenAlreadyResolved() public {
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, true);
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotDisputed.selector, EVIDENCE, Staking.SlashStatus.Restored)
        );
        vm.prank(arbiter);
        staking.resolveSlashDispute(EVIDENCE, false);

        bytes32 other = keccak256("evidence-2");
        vm.prank(slasher);
        staking.slash(alice, 100 ether, other, address(0));
        vm.prank(alice);
        staking.disputeSlash(other);
        vm.prank(arbiter);
        staking.resolveSlashDispute(other, false);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashNotDisputed.selector, other, Staking.SlashStatus.Finalized));
        vm.prank(arbiter);
        staking.resolveSlashDispute(other, true);
    }

    function test_finalizeSlash_byAnyoneAfterWindow() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.warp(uint256(until) + 1);
        vm.expectEmit(address(staking));
        emit Staking.SlashFinalized(EVIDENCE, treasury, 300 ether);
        vm.prank(stranger);
        staking.finalizeSlash(EVIDENCE);
        assertEq(staking.claimable(treasury), 300 ether);
        assertEq(staking.totalPendingSlashes(), 0);
        assertEq(uint256(_status(EVIDENCE)), uint256(Staking.SlashStatus.Finalized));
        _assertConservation();
    }

    function test_finalizeSlash_revertsWithinWindow() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowOpen.selector, EVIDENCE, until));
        staking.finalizeSlash(EVIDENCE);
        vm.warp(until); // the provider may still dispute in this second
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowOpen.selector, EVIDENCE, until));
        staking.finalizeSlash(EVIDENCE);
    }

    function test_finalizeSlash_revertsOnUnknownEvidence() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.UnknownSlash.selector, EVIDENCE));
        staking.finalizeSlash(EVIDENCE);
    }

    function test_finalizeSlash_revertsWhenDisputed() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        _dispute();
        vm.warp(uint256(until) + 1);
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotPending.selector, EVIDENCE, Staking.SlashStatus.Disputed)
        );
        staking.finalizeSlash(EVIDENCE);
    }

    function test_finalizeSlash_revertsWhenFinalizedOrRestored() public {
        uint64 until = _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.warp(uint256(until) + 1);
        staking.finalizeSlash(EVIDENCE);
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashNotPending.selector, EVIDENCE, Staking.SlashStatus.Finalized)
        );
        staking.finalizeSlash(EVIDENCE);
        assertEq(staking.claimable(treasury), 300 ether, "credited once");

        bytes32 other = keccak256("evidence-2");
        vm.prank(slasher);
        staking.slash(alice, 100 ether, other, address(0));
        vm.prank(alice);
        staking.disputeSlash(other);
        vm.prank(arbiter);
        staking.resolveSlashDispute(other, true);
        vm.warp(block.timestamp + 3 days);
        vm.expectRevert(abi.encodeWithSelector(Staking.SlashNotPending.selector, other, Staking.SlashStatus.Restored));
        staking.finalizeSlash(other);
    }

    function test_finalizeSlash_zeroWindowFinalizesFromTheNextSecond() public {
        vm.prank(governor);
        staking.setDisputeWindow(0);
        _slashAlice(2_000 ether, 0, 300 ether, address(0));
        vm.expectRevert(
            abi.encodeWithSelector(Staking.SlashDisputeWindowOpen.selector, EVIDENCE, uint64(block.timestamp))
        );
        staking.finalizeSlash(EVIDENCE);
        vm.warp(block.timestamp + 1);
        staking.finalizeSlash(EVIDENCE);
        assertEq(staking.claimable(treasury), 300 ether);
    }

    function test_claim_waitsForFinalSlashes() public {
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 300 ether, EVIDENCE, client);
        vm.expectRevert(Staking.NothingToClaim.selector);
        vm.prank(client);
        staking.claim();
    }

    // ------------------------------------------------------------------ governance setters

    function test_setDisputeWindow() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.DisputeWindowUpdated(2 days, 30 days);
        vm.prank(governor);
        staking.setDisputeWindow(30 days);
        assertEq(staking.disputeWindow(), 30 days);
    }

    function test_setDisputeWindow_revertsAboveMax() public {
        uint256 tooLong = staking.MAX_DISPUTE_WINDOW() + 1;
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.DisputeWindowTooLong.selector, tooLong));
        vm.prank(governor);
        staking.setDisputeWindow(tooLong);
    }

    function test_setDisputeWindow_revertsForNonGovernor() public {
        vm.expectRevert(_unauthorized(arbiter, staking.GOVERNOR_ROLE()));
        vm.prank(arbiter);
        staking.setDisputeWindow(1 days);
    }

    function test_setMinStake() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.MinStakeUpdated(MIN_STAKE, 5 ether);
        vm.prank(governor);
        staking.setMinStake(5 ether);
        assertEq(staking.minStake(), 5 ether);
    }

    function test_setUnbondingPeriod() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.UnbondingPeriodUpdated(UNBONDING, 1 days);
        vm.prank(governor);
        staking.setUnbondingPeriod(1 days);
        assertEq(staking.unbondingPeriod(), 1 days);
    }

    function test_setUnbondingPeriod_doesNotMovePendingRequests() public {
        _stake(alice, 2_000 ether);
        vm.prank(alice);
        staking.requestUnbond(1 ether);
        vm.prank(governor);
        staking.setUnbondingPeriod(30 days);
        (, uint256 releaseAt) = staking.unbondingOf(alice);
        assertEq(releaseAt, block.timestamp + UNBONDING);
    }

    function test_setUnbondingPeriod_revertsAboveMax() public {
        uint256 tooLong = staking.MAX_UNBONDING_PERIOD() + 1;
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.UnbondingPeriodTooLong.selector, tooLong));
        vm.prank(governor);
        staking.setUnbondingPeriod(tooLong);
    }

    function test_setMaxSlashBps() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.MaxSlashBpsUpdated(MAX_SLASH_BPS, 10_000);
        vm.prank(governor);
        staking.setMaxSlashBps(10_000);
        assertEq(staking.maxSlashBps(), 10_000);
    }

    function test_setMaxSlashBps_revertsAboveBps() public {
        vm.expectRevert(abi.encodeWithSelector(StakingConfig.InvalidBps.selector, 10_001));
        vm.prank(governor);
        staking.setMaxSlashBps(10_001);
    }

    function test_setTreasury() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.TreasuryUpdated(treasury, carol);
        vm.prank(governor);
        staking.setTreasury(carol);
        assertEq(staking.treasury(), carol);
    }

    function test_setTreasury_revertsOnZero() public {
        vm.expectRevert(StakingConfig.ZeroAddress.selector);
        vm.prank(governor);
        staking.setTreasury(address(0));
    }

    function test_setStakeListener_canUnset() public {
        vm.expectEmit(address(staking));
        emit StakingConfig.StakeListenerUpdated(address(rewards), address(0));
        vm.prank(admin);
        staking.setStakeListener(IStakeListener(address(0)));
        _stake(alice, 2_000 ether);
        assertEq(rewards.weightOf(alice), 0, "listener no longer notified");
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_stakeUnbondWithdraw(uint256 stakeAmount, uint256 unbondAmount, uint256 wait) public {
        stakeAmount = bound(stakeAmount, 1, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 1, stakeAmount);
        wait = bound(wait, 0, 2 * UNBONDING);
        uint256 balanceBefore = oai.balanceOf(alice);
        _stake(alice, stakeAmount);
        vm.prank(alice);
        staking.requestUnbond(unbondAmount);
        assertEq(staking.stakeOf(alice), stakeAmount - unbondAmount);
        assertEq(staking.isStaked(alice), stakeAmount - unbondAmount >= MIN_STAKE);
        vm.warp(block.timestamp + wait);
        if (wait < UNBONDING) {
            vm.expectRevert(
                abi.encodeWithSelector(Staking.UnbondingNotReady.selector, block.timestamp - wait + UNBONDING)
            );
            vm.prank(alice);
            staking.withdraw();
        } else {
            vm.prank(alice);
            staking.withdraw();
            assertEq(oai.balanceOf(alice), balanceBefore - stakeAmount + unbondAmount);
        }
        _assertConservation();
    }

    function testFuzz_slashNeverExceedsShareOfStake(
        uint256 stakeAmount,
        uint256 unbondAmount,
        uint256 slashBps,
        uint256 slashAmount
    ) public {
        stakeAmount = bound(stakeAmount, 1, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 0, stakeAmount);
        slashBps = bound(slashBps, 0, 10_000);
        vm.prank(governor);
        staking.setMaxSlashBps(slashBps);
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        uint256 limit = (stakeAmount * slashBps) / 10_000;
        assertEq(staking.maxSlashOf(alice), limit);
        slashAmount = bound(slashAmount, 1, stakeAmount);
        if (slashAmount > limit) {
            vm.expectRevert(abi.encodeWithSelector(Staking.SlashExceedsLimit.selector, slashAmount, limit));
            vm.prank(slasher);
            staking.slash(alice, slashAmount, EVIDENCE, address(0));
            return;
        }
        vm.prank(slasher);
        staking.slash(alice, slashAmount, EVIDENCE, bob);
        (uint256 unbonding,) = staking.unbondingOf(alice);
        assertEq(staking.stakeOf(alice) + unbonding, stakeAmount - slashAmount);
        Staking.PendingSlash memory p = staking.pendingSlash(EVIDENCE);
        assertLe(p.fromActive, stakeAmount - unbondAmount, "from active <= active");
        assertLe(p.fromUnbonding, unbondAmount, "from unbonding <= unbonding");
        assertEq(p.fromActive + p.fromUnbonding, slashAmount);
        assertEq(staking.totalPendingSlashes(), slashAmount);
        _assertConservation();
    }

    /// A slash followed by any legal path (finalized after the window, disputed and rejected,
    /// disputed and upheld) conserves funds, and an upheld dispute puts back exactly what the
    /// slash took.
    function testFuzz_slashDisputePaths(
        uint256 stakeAmount,
        uint256 unbondAmount,
        uint256 slashAmount,
        uint256 wait,
        uint8 path
    ) public {
        stakeAmount = bound(stakeAmount, 2, 1_000_000 ether);
        unbondAmount = bound(unbondAmount, 0, stakeAmount);
        slashAmount = bound(slashAmount, 1, (stakeAmount * MAX_SLASH_BPS) / 10_000);
        _stake(alice, stakeAmount);
        if (unbondAmount != 0) {
            vm.prank(alice);
            staking.requestUnbond(unbondAmount);
        }
        (uint256 unbondingBefore, uint256 releaseBefore) = staking.unbondingOf(alice);
        uint256 activeBefore = staking.stakeOf(alice);
        vm.prank(slasher);
        staking.slash(alice, slashAmount, EVIDENCE, bob);
        _assertConservation();
        uint64 until = staking.pendingSlash(EVIDENCE).disputeUntil;
        wait = bound(wait, 0, 4 days);
        vm.warp(block.timestamp + wait);
        bool open = block.timestamp <= until;

        if (path % 3 == 0) {
            if (open) {
                vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowOpen.selector, EVIDENCE, until));
                staking.finalizeSlash(EVIDENCE);
                return;
            }
            staking.finalizeSlash(EVIDENCE);
            assertEq(staking.claimable(bob), slashAmount);
        } else {
            if (!open) {
                vm.expectRevert(abi.encodeWithSelector(Staking.SlashDisputeWindowClosed.selector, EVIDENCE, until));
                _dispute();
                return;
            }
            _dispute();
            vm.prank(arbiter);
            staking.resolveSlashDispute(EVIDENCE, path % 3 == 1);
            if (path % 3 == 1) {
                assertEq(staking.stakeOf(alice), activeBefore);
                (uint256 unbondingAfter, uint256 releaseAfter) = staking.unbondingOf(alice);
                assertEq(unbondingAfter, unbondingBefore);
                assertEq(releaseAfter, releaseBefore);
                assertEq(staking.claimable(bob), 0);
                assertEq(rewards.weightOf(alice), activeBefore);
            } else {
                assertEq(staking.claimable(bob), slashAmount);
            }
        }
        assertEq(staking.totalPendingSlashes(), 0);
        _assertConservation();
    }

    /// Dispute and finalization split time exactly at disputeUntil, for any window.
    function testFuzz_disputeWindowBoundary(uint256 window, uint256 wait) public {
        window = bound(window, 0, 30 days);
        wait = bound(wait, 0, 31 days);
        vm.prank(governor);
        staking.setDisputeWindow(window);
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 1 ether, EVIDENCE, address(0));
        vm.warp(block.timestamp + wait);
        (bool disputed,) = _try(alice, abi.encodeCall(Staking.disputeSlash, (EVIDENCE)));
        assertEq(disputed, wait <= window);
        if (!disputed) {
            (bool finalized,) = _try(stranger, abi.encodeCall(Staking.finalizeSlash, (EVIDENCE)));
            assertTrue(finalized);
        } else {
            (bool finalized,) = _try(stranger, abi.encodeCall(Staking.finalizeSlash, (EVIDENCE)));
            assertFalse(finalized, "a disputed slash waits for the arbiter");
        }
    }

    function _try(address caller, bytes memory data) internal returns (bool ok, bytes memory ret) {
        vm.prank(caller);
        (ok, ret) = address(staking).call(data);
    }

    function _assertConservation() internal view {
        assertEq(
            oai.balanceOf(address(staking)),
            staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable() + staking.totalPendingSlashes(),
            "staking balance"
        );
    }
}
