// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {OAIToken} from "../src/OAIToken.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {StakingTestBase} from "./utils/StakingTestBase.sol";

/// @notice Staking slash disputes: dispute, ruling, finalization and restore.
contract StakingSlashDisputesTest is StakingTestBase {
    // ------------------------------------------------------------------ slash disputes

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
}
