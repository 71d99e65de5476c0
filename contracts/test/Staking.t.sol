// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {OAIToken} from "../src/OAIToken.sol";
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
        assertTrue(staking.hasRole(staking.DEFAULT_ADMIN_ROLE(), admin));
    }

    function test_constructor_revertsOnZeroToken() public {
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(IERC20(address(0)), admin, treasury, 1, 1, 1);
    }

    function test_constructor_revertsOnZeroAdmin() public {
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(oai, address(0), treasury, 1, 1, 1);
    }

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(Staking.ZeroAddress.selector);
        new Staking(oai, admin, address(0), 1, 1, 1);
    }

    function test_constructor_revertsOnLongUnbonding() public {
        uint256 tooLong = staking.MAX_UNBONDING_PERIOD() + 1;
        vm.expectRevert(abi.encodeWithSelector(Staking.UnbondingPeriodTooLong.selector, tooLong));
        new Staking(oai, admin, treasury, 1, tooLong, 1);
    }

    function test_constructor_revertsOnBadSlashBps() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.InvalidBps.selector, 10_001));
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
        vm.prank(slasher);
        staking.slash(alice, 500 ether, EVIDENCE, address(0));

        assertEq(staking.stakeOf(alice), 0);
        (uint256 unbonding,) = staking.unbondingOf(alice);
        assertEq(unbonding, 500 ether);
        assertEq(staking.claimable(treasury), 500 ether);
        assertEq(staking.totalClaimable(), 500 ether);
        assertEq(staking.totalStaked(), 0);
        assertEq(staking.totalUnbonding(), 500 ether);
        assertTrue(staking.evidenceUsed(EVIDENCE));
        assertEq(rewards.weightOf(alice), 0);
    }

    function test_slash_creditsBeneficiaryWhoClaims() public {
        _stake(alice, 2_000 ether);
        vm.prank(slasher);
        staking.slash(alice, 300 ether, EVIDENCE, client);
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
        vm.expectRevert(Staking.ZeroAddress.selector);
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

    // ------------------------------------------------------------------ governance setters

    function test_setMinStake() public {
        vm.expectEmit(address(staking));
        emit Staking.MinStakeUpdated(MIN_STAKE, 5 ether);
        vm.prank(governor);
        staking.setMinStake(5 ether);
        assertEq(staking.minStake(), 5 ether);
    }

    function test_setUnbondingPeriod() public {
        vm.expectEmit(address(staking));
        emit Staking.UnbondingPeriodUpdated(UNBONDING, 1 days);
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
        vm.expectRevert(abi.encodeWithSelector(Staking.UnbondingPeriodTooLong.selector, tooLong));
        vm.prank(governor);
        staking.setUnbondingPeriod(tooLong);
    }

    function test_setMaxSlashBps() public {
        vm.expectEmit(address(staking));
        emit Staking.MaxSlashBpsUpdated(MAX_SLASH_BPS, 10_000);
        vm.prank(governor);
        staking.setMaxSlashBps(10_000);
        assertEq(staking.maxSlashBps(), 10_000);
    }

    function test_setMaxSlashBps_revertsAboveBps() public {
        vm.expectRevert(abi.encodeWithSelector(Staking.InvalidBps.selector, 10_001));
        vm.prank(governor);
        staking.setMaxSlashBps(10_001);
    }

    function test_setTreasury() public {
        vm.expectEmit(address(staking));
        emit Staking.TreasuryUpdated(treasury, carol);
        vm.prank(governor);
        staking.setTreasury(carol);
        assertEq(staking.treasury(), carol);
    }

    function test_setTreasury_revertsOnZero() public {
        vm.expectRevert(Staking.ZeroAddress.selector);
        vm.prank(governor);
        staking.setTreasury(address(0));
    }

    function test_setStakeListener_canUnset() public {
        vm.expectEmit(address(staking));
        emit Staking.StakeListenerUpdated(address(rewards), address(0));
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
        assertEq(
            oai.balanceOf(address(staking)), staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable()
        );
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
        assertEq(staking.claimable(bob), slashAmount);
        assertEq(
            oai.balanceOf(address(staking)), staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable()
        );
    }
}
