// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {StakingConfig} from "../src/staking/StakingConfig.sol";
import {Staking} from "../src/Staking.sol";
import {Rewards} from "../src/Rewards.sol";
import {JobEscrowConfig} from "../src/escrow/JobEscrowConfig.sol";
import {JobEscrow} from "../src/JobEscrow.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";
import {IStakeListener} from "../src/interfaces/IStaking.sol";

/// @notice Every role-gated function rejects callers without the role, including holders of
///         the other roles, and accepts the role holder.
contract AccessControlTest is Fixture {
    struct Case {
        string name;
        address target;
        bytes data;
        bytes32 role;
        address holder;
    }

    bytes32 internal constant ADMIN_ROLE = 0x00;
    bytes32 internal constant DISPUTED_SLASH = keccak256("disputed");

    function _cases() internal view returns (Case[] memory c) {
        c = new Case[](32);
        uint256 i;
        // Staking
        c[i++] = Case(
            "Staking.slash",
            address(staking),
            abi.encodeCall(Staking.slash, (alice, 1, keccak256("e"), address(0))),
            staking.SLASHER_ROLE(),
            slasher
        );
        c[i++] = Case(
            "Staking.resolveSlashDispute",
            address(staking),
            abi.encodeCall(Staking.resolveSlashDispute, (DISPUTED_SLASH, true)),
            staking.ARBITER_ROLE(),
            arbiter
        );
        c[i++] = Case(
            "Staking.setDisputeWindow",
            address(staking),
            abi.encodeCall(StakingConfig.setDisputeWindow, (1 days)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setMinStake",
            address(staking),
            abi.encodeCall(StakingConfig.setMinStake, (1)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setUnbondingPeriod",
            address(staking),
            abi.encodeCall(StakingConfig.setUnbondingPeriod, (1)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setMaxSlashBps",
            address(staking),
            abi.encodeCall(StakingConfig.setMaxSlashBps, (1)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setTreasury",
            address(staking),
            abi.encodeCall(StakingConfig.setTreasury, (carol)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setStakeListener",
            address(staking),
            abi.encodeCall(StakingConfig.setStakeListener, (IStakeListener(address(rewards)))),
            ADMIN_ROLE,
            admin
        );
        c[i++] = Case(
            "Staking.grantRole",
            address(staking),
            abi.encodeWithSignature("grantRole(bytes32,address)", staking.SLASHER_ROLE(), carol),
            ADMIN_ROLE,
            admin
        );
        // Rewards
        c[i++] = Case(
            "Rewards.setReputation",
            address(rewards),
            abi.encodeCall(Rewards.setReputation, (alice, 10_000)),
            rewards.PLATFORM_ROLE(),
            platform
        );
        c[i++] = Case(
            "Rewards.setMultiplierBounds",
            address(rewards),
            abi.encodeCall(Rewards.setMultiplierBounds, (5_000, 15_000)),
            rewards.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Rewards.setTreasury",
            address(rewards),
            abi.encodeCall(Rewards.setTreasury, (carol)),
            rewards.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Rewards.grantRole",
            address(rewards),
            abi.encodeWithSignature("grantRole(bytes32,address)", rewards.PLATFORM_ROLE(), carol),
            ADMIN_ROLE,
            admin
        );
        // JobEscrow
        c[i++] = Case(
            "JobEscrow.startJob",
            address(escrow),
            abi.encodeCall(JobEscrow.startJob, (keccak256("job"), block.timestamp + 1 days)),
            escrow.PLATFORM_ROLE(),
            platform
        );
        c[i++] = Case(
            "JobEscrow.setSettlementWindow",
            address(escrow),
            abi.encodeCall(JobEscrowConfig.setSettlementWindow, (1 days)),
            escrow.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "JobEscrow.setDisputeRulingTimeout",
            address(escrow),
            abi.encodeCall(JobEscrowConfig.setDisputeRulingTimeout, (7 days)),
            escrow.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setSlashRulingTimeout",
            address(staking),
            abi.encodeCall(StakingConfig.setSlashRulingTimeout, (7 days)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setSlashPeriodCap",
            address(staking),
            abi.encodeCall(StakingConfig.setSlashPeriodCap, (7 days, 10_000)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "Staking.setSlashDestination",
            address(staking),
            abi.encodeCall(StakingConfig.setSlashDestination, (address(rewards), true)),
            staking.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "JobEscrow.releasePayment",
            address(escrow),
            abi.encodeCall(JobEscrow.releasePayment, (keccak256("job"), keccak256("t"), alice, 1)),
            escrow.PLATFORM_ROLE(),
            platform
        );
        c[i++] = Case(
            "JobEscrow.completeJob",
            address(escrow),
            abi.encodeCall(JobEscrow.completeJob, (keccak256("job"))),
            escrow.PLATFORM_ROLE(),
            platform
        );
        c[i++] = Case(
            "JobEscrow.resolveDispute",
            address(escrow),
            abi.encodeCall(JobEscrow.resolveDispute, (keccak256("job"), 0, 0, 0)),
            escrow.ARBITER_ROLE(),
            arbiter
        );
        c[i++] = Case(
            "JobEscrow.setFeeBps",
            address(escrow),
            abi.encodeCall(JobEscrowConfig.setFeeBps, (1)),
            escrow.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "JobEscrow.setDisputeWindow",
            address(escrow),
            abi.encodeCall(JobEscrowConfig.setDisputeWindow, (1)),
            escrow.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "JobEscrow.setTreasury",
            address(escrow),
            abi.encodeCall(JobEscrowConfig.setTreasury, (carol)),
            escrow.GOVERNOR_ROLE(),
            governor
        );
        // ModelRegistry
        c[i++] = Case(
            "ModelRegistry.registerModel",
            address(registry),
            abi.encodeCall(
                ModelRegistry.registerModel, (alice, keccak256("w"), "uri", 0, new address[](0), new uint16[](0))
            ),
            registry.PLATFORM_ROLE(),
            platform
        );
        c[i++] = Case(
            "ModelRegistry.setMaxContributorBps",
            address(registry),
            abi.encodeCall(ModelRegistry.setMaxContributorBps, (1)),
            registry.GOVERNOR_ROLE(),
            governor
        );
        c[i++] = Case(
            "ModelRegistry.grantRole",
            address(registry),
            abi.encodeWithSignature("grantRole(bytes32,address)", registry.PLATFORM_ROLE(), carol),
            ADMIN_ROLE,
            admin
        );
        // Lifting a pause is governance's alone (pausing: EscrowLock.t.sol, SlashSafeguards.t.sol).
        address[4] memory pausable = [address(staking), address(rewards), address(escrow), address(registry)];
        for (uint256 k; k < pausable.length; ++k) {
            c[i++] =
                Case("unpause", pausable[k], abi.encodeWithSignature("unpause()"), staking.GOVERNOR_ROLE(), governor);
        }
        assert(i == c.length);
    }

    function _others() internal view returns (address[7] memory) {
        return [stranger, admin, governor, platform, slasher, arbiter, treasury];
    }

    function test_everyPrivilegedFunctionRejectsOtherRoles() public {
        Case[] memory cases = _cases();
        address[7] memory others = _others();
        for (uint256 i; i < cases.length; ++i) {
            for (uint256 j; j < others.length; ++j) {
                address caller = others[j];
                if (caller == cases[i].holder) continue;
                vm.prank(caller);
                (bool ok, bytes memory ret) = cases[i].target.call(cases[i].data);
                assertFalse(ok, cases[i].name);
                assertEq(ret, _unauthorized(caller, cases[i].role), cases[i].name);
            }
        }
    }

    function test_everyPrivilegedFunctionAcceptsItsRole() public {
        // Give the role-gated calls something valid to act on.
        _stake(alice, 10_000 ether);
        bytes32 job = keccak256("job");
        vm.prank(client);
        escrow.postJob(job, bytes32(0), usdc, 1_000e6, block.timestamp + 10 days);

        Case[] memory cases = _cases();
        for (uint256 i; i < cases.length; ++i) {
            // resolveDispute needs an open dispute: raise one right before it.
            if (cases[i].target == address(escrow) && bytes4(cases[i].data) == JobEscrow.resolveDispute.selector) {
                vm.prank(client);
                escrow.raiseDispute(job, address(0), bytes32(0));
            }
            // resolveSlashDispute needs a disputed slash.
            if (cases[i].target == address(staking) && bytes4(cases[i].data) == Staking.resolveSlashDispute.selector) {
                vm.prank(slasher);
                staking.slash(alice, 1, DISPUTED_SLASH, address(0));
                vm.prank(alice);
                staking.disputeSlash(DISPUTED_SLASH);
            }
            // unpause needs a pause.
            if (bytes4(cases[i].data) == bytes4(keccak256("unpause()"))) {
                vm.prank(governor);
                (bool paused,) = cases[i].target.call(abi.encodeWithSignature("pause()"));
                assertTrue(paused, "pause");
            }
            vm.prank(cases[i].holder);
            (bool ok, bytes memory ret) = cases[i].target.call(cases[i].data);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(ret, 0x20), mload(ret))
                }
            }
            assertTrue(ok, cases[i].name);
        }
    }

    function testFuzz_privilegedFunctionsRejectArbitraryCallers(address caller, uint256 index) public {
        Case[] memory cases = _cases();
        Case memory c = cases[bound(index, 0, cases.length - 1)];
        bool holds = abi.decode(_hasRole(c.target, c.role, caller), (bool));
        vm.assume(!holds);
        vm.prank(caller);
        (bool ok, bytes memory ret) = c.target.call(c.data);
        assertFalse(ok, c.name);
        assertEq(ret, _unauthorized(caller, c.role), c.name);
    }

    function _hasRole(address target, bytes32 role, address account) internal view returns (bytes memory ret) {
        (, ret) = target.staticcall(abi.encodeWithSignature("hasRole(bytes32,address)", role, account));
    }

    function assertEq(bytes memory a, bytes memory b, string memory err) internal pure {
        vm.assertTrue(keccak256(a) == keccak256(b), err);
    }
}
