// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {ReentrantToken, Attacker} from "./utils/Mocks.sol";
import {Staking} from "../src/Staking.sol";
import {Rewards} from "../src/Rewards.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";
import {IStakingView, IStakeListener} from "../src/interfaces/IStaking.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice A hostile ERC-20 calls back into the contract paying it out (or pulling it in), on
///         behalf of an attacker that is owed funds. Every re-entry must fail with
///         ReentrancyGuardReentrantCall and the attacker must be paid exactly once.
contract ReentrancyTest is Fixture {
    bytes4 internal constant REENTRANT = bytes4(keccak256("ReentrancyGuardReentrantCall()"));

    ReentrantToken internal evil;
    Attacker internal attacker;

    function setUp() public override {
        super.setUp();
        evil = new ReentrantToken();
        attacker = new Attacker();
        evil.mint(client, 1_000_000 ether);
        evil.mint(address(attacker), 1_000_000 ether);
    }

    function _assertReentryBlocked() internal view {
        assertTrue(evil.hookCalled(), "hook ran");
        assertTrue(attacker.reentered(), "attacker re-entered");
        assertFalse(attacker.reentrySucceeded(), "re-entry must fail");
        assertEq(bytes4(attacker.reentryRevertData()), REENTRANT);
    }

    function _arm(address victim, bytes memory reentry) internal {
        attacker.setReentry(victim, reentry);
        evil.arm(victim, address(attacker), abi.encodeCall(Attacker.reenter, ()));
    }

    function test_jobEscrow_withdrawCannotBeReentered() public {
        bytes32 job = keccak256("job");
        vm.startPrank(client);
        evil.approve(address(escrow), type(uint256).max);
        escrow.postJob(job, bytes32(0), evil, 1_000 ether, block.timestamp + 10 days);
        vm.stopPrank();
        vm.startPrank(platform);
        escrow.startJob(job, block.timestamp + 1 days);
        vm.stopPrank();
        vm.prank(platform);
        escrow.releasePayment(job, keccak256("t1"), address(attacker), 100 ether);
        uint256 owed = escrow.claimable(address(evil), address(attacker));

        _arm(address(escrow), abi.encodeCall(JobEscrow.withdraw, (evil)));
        uint256 before = evil.balanceOf(address(attacker));
        attacker.exec(address(escrow), abi.encodeCall(JobEscrow.withdraw, (evil)));

        _assertReentryBlocked();
        assertEq(evil.balanceOf(address(attacker)), before + owed, "paid exactly once");
        assertEq(escrow.claimable(address(evil), address(attacker)), 0);
        assertEq(
            evil.balanceOf(address(escrow)), escrow.totalEscrowed(address(evil)) + escrow.totalClaimable(address(evil))
        );
    }

    function test_jobEscrow_postJobCannotBeReenteredFromTransferFrom() public {
        attacker.exec(address(evil), abi.encodeCall(IERC20.approve, (address(escrow), type(uint256).max)));
        _arm(
            address(escrow),
            abi.encodeCall(JobEscrow.postJob, (keccak256("job-2"), bytes32(0), evil, 1 ether, block.timestamp + 1 days))
        );
        attacker.exec(
            address(escrow),
            abi.encodeCall(
                JobEscrow.postJob, (keccak256("job-1"), bytes32(0), evil, 10 ether, block.timestamp + 1 days)
            )
        );
        _assertReentryBlocked();
        assertEq(escrow.getJob(keccak256("job-2")).budget, 0);
        assertEq(evil.balanceOf(address(escrow)), 10 ether);
    }

    function test_modelRegistry_withdrawCannotBeReentered() public {
        address[] memory accounts = new address[](1);
        uint16[] memory shares = new uint16[](1);
        accounts[0] = address(attacker);
        shares[0] = 5_000;
        vm.prank(platform);
        uint256 id = registry.registerModel(alice, keccak256("w"), "uri", 0, accounts, shares);
        vm.prank(alice);
        registry.setLicenseTerms(id, address(evil), 100 ether, 0);
        vm.startPrank(client);
        evil.approve(address(registry), type(uint256).max);
        registry.buyLicense(id, address(evil), 100 ether);
        vm.stopPrank();

        _arm(address(registry), abi.encodeCall(ModelRegistry.withdraw, (address(evil))));
        uint256 before = evil.balanceOf(address(attacker));
        attacker.exec(address(registry), abi.encodeCall(ModelRegistry.withdraw, (address(evil))));
        _assertReentryBlocked();
        assertEq(evil.balanceOf(address(attacker)), before + 50 ether);
        assertEq(evil.balanceOf(address(registry)), registry.totalClaimable(address(evil)));
    }

    function test_modelRegistry_buyLicenseCannotBeReentered() public {
        vm.prank(platform);
        uint256 id = registry.registerModel(alice, keccak256("w"), "uri", 0, new address[](0), new uint16[](0));
        vm.prank(alice);
        registry.setLicenseTerms(id, address(evil), 100 ether, 1 ether);
        attacker.exec(address(evil), abi.encodeCall(IERC20.approve, (address(registry), type(uint256).max)));
        _arm(address(registry), abi.encodeCall(ModelRegistry.payPerUse, (id, 1, address(evil), 1 ether)));
        attacker.exec(address(registry), abi.encodeCall(ModelRegistry.buyLicense, (id, address(evil), 100 ether)));
        _assertReentryBlocked();
        assertEq(registry.claimable(address(evil), alice), 100 ether);
    }

    function test_staking_withdrawAndClaimCannotBeReentered() public {
        Staking evilStaking = new Staking(IERC20(address(evil)), admin, treasury, 0, 1 days, 10_000);
        bytes32 slasherRole = evilStaking.SLASHER_ROLE();
        vm.startPrank(admin);
        evilStaking.grantRole(slasherRole, slasher);
        // The attacker receives slashed funds: governance must allow it as a destination.
        evilStaking.grantRole(evilStaking.GOVERNOR_ROLE(), admin);
        evilStaking.setSlashDestination(address(attacker), true);
        evilStaking.setSlashPeriodCap(7 days, 10_000);
        vm.stopPrank();

        attacker.exec(address(evil), abi.encodeCall(IERC20.approve, (address(evilStaking), type(uint256).max)));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.stake, (100 ether)));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.requestUnbond, (100 ether)));
        vm.warp(block.timestamp + 1 days);

        _arm(address(evilStaking), abi.encodeCall(Staking.withdraw, ()));
        uint256 before = evil.balanceOf(address(attacker));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.withdraw, ()));
        _assertReentryBlocked();
        assertEq(evil.balanceOf(address(attacker)), before + 100 ether);

        // Slashed funds credited to the attacker as beneficiary: claim cannot be re-entered.
        vm.startPrank(client);
        evil.approve(address(evilStaking), type(uint256).max);
        evilStaking.stake(100 ether);
        vm.stopPrank();
        vm.prank(slasher);
        evilStaking.slash(client, 40 ether, keccak256("e"), address(attacker));
        vm.warp(block.timestamp + evilStaking.disputeWindow() + 1);
        evilStaking.finalizeSlash(keccak256("e"));
        attacker.setReentry(address(evilStaking), abi.encodeCall(Staking.claim, ()));
        evil.arm(address(evilStaking), address(attacker), abi.encodeCall(Attacker.reenter, ()));
        before = evil.balanceOf(address(attacker));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.claim, ()));
        assertFalse(attacker.reentrySucceeded());
        assertEq(bytes4(attacker.reentryRevertData()), REENTRANT);
        assertEq(evil.balanceOf(address(attacker)), before + 40 ether);
        assertEq(
            evil.balanceOf(address(evilStaking)),
            evilStaking.totalStaked() + evilStaking.totalUnbonding() + evilStaking.totalClaimable()
                + evilStaking.totalPendingSlashes()
        );
    }

    function test_staking_claimCannotReenterFinalizeSlash() public {
        // While a finalized slash is paid out, the payee tries to finalize another one.
        Staking evilStaking = new Staking(IERC20(address(evil)), admin, treasury, 0, 1 days, 10_000);
        bytes32 slasherRole = evilStaking.SLASHER_ROLE();
        vm.startPrank(admin);
        evilStaking.grantRole(slasherRole, slasher);
        // The attacker receives slashed funds: governance must allow it as a destination.
        evilStaking.grantRole(evilStaking.GOVERNOR_ROLE(), admin);
        evilStaking.setSlashDestination(address(attacker), true);
        evilStaking.setSlashPeriodCap(7 days, 10_000);
        vm.stopPrank();
        vm.startPrank(client);
        evil.approve(address(evilStaking), type(uint256).max);
        evilStaking.stake(100 ether);
        vm.stopPrank();
        vm.startPrank(slasher);
        evilStaking.slash(client, 40 ether, keccak256("first"), address(attacker));
        evilStaking.slash(client, 30 ether, keccak256("second"), address(attacker));
        vm.stopPrank();
        vm.warp(block.timestamp + evilStaking.disputeWindow() + 1);
        evilStaking.finalizeSlash(keccak256("first"));

        _arm(address(evilStaking), abi.encodeCall(Staking.finalizeSlash, (keccak256("second"))));
        uint256 before = evil.balanceOf(address(attacker));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.claim, ()));
        _assertReentryBlocked();
        assertEq(evil.balanceOf(address(attacker)), before + 40 ether, "paid exactly once");
        assertEq(uint256(evilStaking.pendingSlash(keccak256("second")).status), uint256(Staking.SlashStatus.Pending));
        assertEq(evilStaking.totalPendingSlashes(), 30 ether);
        assertEq(
            evil.balanceOf(address(evilStaking)),
            evilStaking.totalStaked() + evilStaking.totalUnbonding() + evilStaking.totalClaimable()
                + evilStaking.totalPendingSlashes()
        );
    }

    function test_stakeListenerCannotReenterWhileASlashIsRestored() public {
        // The stake restored by an upheld dispute notifies the listener; a hostile one tries to
        // finalize another slash (or resolve again) from inside the call.
        HostileListener listener = new HostileListener(staking);
        vm.prank(admin);
        staking.setStakeListener(IStakeListener(address(listener)));
        _stake(alice, 2_000 ether);
        _stake(bob, 2_000 ether);
        vm.startPrank(slasher);
        staking.slash(alice, 500 ether, keccak256("alice"), address(0));
        staking.slash(bob, 300 ether, keccak256("bob"), address(0));
        vm.stopPrank();
        vm.prank(alice);
        staking.disputeSlash(keccak256("alice"));
        vm.warp(block.timestamp + staking.disputeWindow() + 1);

        listener.setReentry(abi.encodeCall(Staking.finalizeSlash, (keccak256("bob"))));
        vm.prank(arbiter);
        staking.resolveSlashDispute(keccak256("alice"), true);
        assertFalse(listener.reentrySucceeded());
        assertEq(bytes4(listener.reentryRevertData()), REENTRANT);
        assertEq(staking.stakeOf(alice), 2_000 ether, "restored once");
        assertEq(uint256(staking.pendingSlash(keccak256("bob")).status), uint256(Staking.SlashStatus.Pending));
        assertEq(staking.totalPendingSlashes(), 300 ether);
        assertEq(
            oai.balanceOf(address(staking)),
            staking.totalStaked() + staking.totalUnbonding() + staking.totalClaimable() + staking.totalPendingSlashes()
        );
    }

    function test_rewards_claimCannotBeReentered() public {
        Staking evilStaking = new Staking(IERC20(address(evil)), admin, treasury, 0, 1 days, 0);
        Rewards evilRewards =
            new Rewards(IERC20(address(evil)), IStakingView(address(evilStaking)), admin, treasury, 1 days);
        vm.prank(admin);
        evilStaking.setStakeListener(IStakeListener(address(evilRewards)));
        attacker.exec(address(evil), abi.encodeCall(IERC20.approve, (address(evilStaking), type(uint256).max)));
        attacker.exec(address(evilStaking), abi.encodeCall(Staking.stake, (100 ether)));
        vm.startPrank(client);
        evil.approve(address(evilRewards), type(uint256).max);
        evilRewards.fundEpoch(0, 10 ether);
        vm.stopPrank();
        vm.warp(block.timestamp + 1 days);

        _arm(address(evilRewards), abi.encodeCall(Rewards.claim, ()));
        uint256 before = evil.balanceOf(address(attacker));
        attacker.exec(address(evilRewards), abi.encodeCall(Rewards.claim, ()));
        _assertReentryBlocked();
        assertEq(evil.balanceOf(address(attacker)), before + 10 ether);
        assertEq(evil.balanceOf(address(evilRewards)), 0);
    }

    function test_stakeListenerCannotReenterStaking() public {
        // A hostile listener (e.g. a compromised rewards contract) tries to re-enter Staking.
        HostileListener listener = new HostileListener(staking);
        vm.prank(admin);
        staking.setStakeListener(IStakeListener(address(listener)));
        _stake(alice, 1 ether);
        assertTrue(listener.called());
        assertFalse(listener.reentrySucceeded());
        assertEq(bytes4(listener.reentryRevertData()), REENTRANT);
        assertEq(staking.stakeOf(alice), 1 ether);
    }
}

contract HostileListener is IStakeListener {
    Staking internal immutable staking;
    bool public called;
    bool public reentrySucceeded;
    bytes public reentryRevertData;
    bytes internal _reentry = abi.encodeCall(Staking.withdraw, ());

    constructor(Staking staking_) {
        staking = staking_;
    }

    function setReentry(bytes calldata reentry) external {
        _reentry = reentry;
    }

    function onStakeChanged(address) external {
        called = true;
        (bool ok, bytes memory ret) = address(staking).call(_reentry);
        reentrySucceeded = ok;
        reentryRevertData = ret;
    }
}
