// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {OAIToken} from "../src/OAIToken.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {StakingTestBase} from "./utils/StakingTestBase.sol";

/// @notice Staking: constructor, stake, unbonding and slashing.
contract StakingTest is StakingTestBase {
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
}
