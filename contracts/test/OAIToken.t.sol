// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BaseTest} from "./utils/BaseTest.sol";
import {OAIToken} from "../src/OAIToken.sol";

contract OAITokenTest is BaseTest {
    OAIToken internal token;
    address internal holder;
    address internal alice;
    uint256 internal constant SUPPLY = 1_000_000_000 ether;

    function setUp() public {
        vm.warp(1_700_000_000);
        holder = makeAddr("holder");
        alice = makeAddr("alice");
        token = new OAIToken(holder, SUPPLY);
    }

    function test_constructor_mintsFixedSupplyToHolder() public view {
        assertEq(token.totalSupply(), SUPPLY);
        assertEq(token.balanceOf(holder), SUPPLY);
        assertEq(token.name(), "OrleansAI");
        assertEq(token.symbol(), "OAI");
        assertEq(uint256(token.decimals()), 18);
    }

    function test_constructor_revertsOnZeroHolder() public {
        vm.expectRevert(OAIToken.ZeroHolder.selector);
        new OAIToken(address(0), SUPPLY);
    }

    function test_constructor_revertsOnZeroSupply() public {
        vm.expectRevert(OAIToken.ZeroSupply.selector);
        new OAIToken(holder, 0);
    }

    function test_clock_isTimestamp() public {
        assertEq(uint256(token.clock()), block.timestamp);
        assertEq(token.CLOCK_MODE(), "mode=timestamp");
        vm.warp(block.timestamp + 123);
        assertEq(uint256(token.clock()), block.timestamp);
    }

    function test_votes_requireDelegationAndAreCheckpointed() public {
        assertEq(token.getVotes(holder), 0);
        vm.prank(holder);
        token.delegate(holder);
        assertEq(token.getVotes(holder), SUPPLY);
        uint256 t0 = block.timestamp;

        vm.warp(t0 + 10);
        vm.prank(holder);
        token.transfer(alice, 100 ether);
        assertEq(token.getVotes(holder), SUPPLY - 100 ether);
        assertEq(token.getVotes(alice), 0, "undelegated balance has no votes");

        vm.warp(t0 + 20);
        assertEq(token.getPastVotes(holder, t0), SUPPLY);
        assertEq(token.getPastVotes(holder, t0 + 10), SUPPLY - 100 ether);
        assertEq(token.getPastTotalSupply(t0 + 10), SUPPLY);
    }

    function test_getPastVotes_revertsForFutureTimepoint() public {
        vm.expectRevert(
            abi.encodeWithSignature("ERC5805FutureLookup(uint256,uint48)", block.timestamp, uint48(block.timestamp))
        );
        token.getPastVotes(holder, block.timestamp);
    }

    function test_permit_setsAllowance() public {
        uint256 pk = 0xA11CE;
        address owner = vm.addr(pk);
        vm.prank(holder);
        token.transfer(owner, 1 ether);
        bytes32 typehash =
            keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
        bytes32 structHash = keccak256(abi.encode(typehash, owner, alice, 1 ether, 0, block.timestamp + 1));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, digest);
        token.permit(owner, alice, 1 ether, block.timestamp + 1, v, r, s);
        assertEq(token.allowance(owner, alice), 1 ether);
        assertEq(token.nonces(owner), 1);
    }

    function testFuzz_transfer_conservesSupply(uint256 amount, address to) public {
        vm.assume(to != address(0));
        amount = bound(amount, 0, SUPPLY);
        vm.prank(holder);
        token.transfer(to, amount);
        assertEq(token.totalSupply(), SUPPLY);
        if (to != holder) {
            assertEq(token.balanceOf(to), amount);
            assertEq(token.balanceOf(holder), SUPPLY - amount);
        }
    }
}
