// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BaseTest} from "./BaseTest.sol";
import {MockERC20} from "./Mocks.sol";
import {OAIToken} from "../../src/OAIToken.sol";
import {Staking} from "../../src/Staking.sol";
import {Rewards} from "../../src/Rewards.sol";
import {JobEscrow} from "../../src/JobEscrow.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {IStakingView, IStakeListener} from "../../src/interfaces/IStaking.sol";

/// @notice Deploys the whole platform with distinct role holders.
abstract contract Fixture is BaseTest {
    uint256 internal constant SUPPLY = 1_000_000_000 ether;
    uint256 internal constant MIN_STAKE = 1_000 ether;
    uint256 internal constant UNBONDING = 7 days;
    uint256 internal constant MAX_SLASH_BPS = 5_000;
    uint256 internal constant EPOCH = 7 days;
    uint256 internal constant FEE_BPS = 250;
    uint256 internal constant DISPUTE_WINDOW = 3 days;
    uint256 internal constant MAX_CONTRIBUTOR_BPS = 9_000;

    address internal admin;
    address internal governor;
    address internal platform;
    address internal slasher;
    address internal arbiter;
    address internal treasury;
    address internal alice;
    address internal bob;
    address internal carol;
    address internal client;
    address internal stranger;

    OAIToken internal oai;
    MockERC20 internal usdc;
    Staking internal staking;
    Rewards internal rewards;
    JobEscrow internal escrow;
    ModelRegistry internal registry;

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        admin = makeAddr("admin");
        governor = makeAddr("governor");
        platform = makeAddr("platform");
        slasher = makeAddr("slasher");
        arbiter = makeAddr("arbiter");
        treasury = makeAddr("treasury");
        alice = makeAddr("alice");
        bob = makeAddr("bob");
        carol = makeAddr("carol");
        client = makeAddr("client");
        stranger = makeAddr("stranger");

        oai = new OAIToken(address(this), SUPPLY);
        usdc = new MockERC20("USD Coin", "USDC", 6);
        staking = new Staking(oai, admin, treasury, MIN_STAKE, UNBONDING, MAX_SLASH_BPS);
        rewards = new Rewards(oai, IStakingView(address(staking)), admin, treasury, EPOCH);
        escrow = new JobEscrow(admin, treasury, FEE_BPS, DISPUTE_WINDOW, IStakingView(address(staking)));
        registry = new ModelRegistry(admin, MAX_CONTRIBUTOR_BPS);

        vm.startPrank(admin);
        staking.setStakeListener(IStakeListener(address(rewards)));
        staking.grantRole(staking.GOVERNOR_ROLE(), governor);
        staking.grantRole(staking.SLASHER_ROLE(), slasher);
        staking.grantRole(staking.ARBITER_ROLE(), arbiter);
        rewards.grantRole(rewards.GOVERNOR_ROLE(), governor);
        rewards.grantRole(rewards.PLATFORM_ROLE(), platform);
        escrow.grantRole(escrow.GOVERNOR_ROLE(), governor);
        escrow.grantRole(escrow.PLATFORM_ROLE(), platform);
        escrow.grantRole(escrow.ARBITER_ROLE(), arbiter);
        registry.grantRole(registry.GOVERNOR_ROLE(), governor);
        registry.grantRole(registry.PLATFORM_ROLE(), platform);
        vm.stopPrank();

        // The unit suites slash with wronged parties as recipients and test the per-slash cap
        // alone; governance allows those recipients and lifts the period cap here
        // (SlashCaps.t.sol tests the period cap and the destination rule).
        vm.startPrank(governor);
        staking.setSlashDestination(client, true);
        staking.setSlashDestination(bob, true);
        staking.setSlashPeriodCap(7 days, 10_000);
        vm.stopPrank();

        address[5] memory people = [alice, bob, carol, client, stranger];
        for (uint256 i; i < people.length; ++i) {
            oai.transfer(people[i], 1_000_000 ether);
            usdc.mint(people[i], 1_000_000e6);
            vm.startPrank(people[i]);
            oai.approve(address(staking), type(uint256).max);
            oai.approve(address(rewards), type(uint256).max);
            oai.approve(address(escrow), type(uint256).max);
            oai.approve(address(registry), type(uint256).max);
            usdc.approve(address(escrow), type(uint256).max);
            usdc.approve(address(registry), type(uint256).max);
            vm.stopPrank();
        }
        oai.approve(address(rewards), type(uint256).max);
    }

    function _stake(address who, uint256 amount) internal {
        vm.prank(who);
        staking.stake(amount);
    }

    function _unauthorized(address account, bytes32 role) internal pure returns (bytes memory) {
        return abi.encodeWithSignature("AccessControlUnauthorizedAccount(address,bytes32)", account, role);
    }
}
