// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {InvariantBase} from "../utils/BaseTest.sol";
import {MockERC20} from "../utils/Mocks.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";
import {ModelRegistryHandler} from "./ModelRegistryHandler.sol";

contract ModelRegistryInvariantTest is InvariantBase {
    ModelRegistry internal registry;
    ModelRegistryHandler internal handler;

    function setUp() public {
        registry = new ModelRegistry(address(this), 9_000);
        MockERC20[] memory tokens = new MockERC20[](2);
        tokens[0] = new MockERC20("USD Coin", "USDC", 6);
        tokens[1] = new MockERC20("Dai", "DAI", 18);
        address platform = address(0x91A7);
        registry.grantRole(registry.PLATFORM_ROLE(), platform);
        handler = new ModelRegistryHandler(registry, tokens, platform);

        bytes4[] memory selectors = new bytes4[](5);
        selectors[0] = ModelRegistryHandler.register.selector;
        selectors[1] = ModelRegistryHandler.setTerms.selector;
        selectors[2] = ModelRegistryHandler.buyLicense.selector;
        selectors[3] = ModelRegistryHandler.payPerUse.selector;
        selectors[4] = ModelRegistryHandler.withdraw.selector;
        _target(address(handler), selectors);
    }

    /// Per token, the registry holds exactly the claimable revenue: every unit paid in was
    /// split without loss and is either claimable or withdrawn.
    function invariant_revenueConservation() public view {
        for (uint256 t; t < handler.tokenCount(); ++t) {
            address token = address(handler.tokens(t));
            uint256 balance = MockERC20(token).balanceOf(address(registry));
            assertEq(balance, registry.totalClaimable(token), "balance == total claimable");
            assertEq(balance, handler.ghostPaidIn(token) - handler.ghostWithdrawn(token), "flows");
            uint256 sum;
            for (uint256 i; i < handler.accountCount(); ++i) {
                sum += registry.claimable(token, handler.accounts(i));
            }
            assertEq(sum, registry.totalClaimable(token), "sum of claimables");
        }
        assertEq(handler.ghostLicenceLost(), 0, "licence lost");
    }

    /// Contributor shares of every model stay within the bound it was registered under.
    function invariant_sharesWithinBound() public view {
        for (uint256 id = 1; id <= registry.modelCount(); ++id) {
            ModelRegistry.Contributor[] memory c = registry.getContributors(id);
            uint256 sum;
            for (uint256 i; i < c.length; ++i) {
                sum += c[i].shareBps;
            }
            assertEq(sum, registry.getModel(id).contributorBps, "stored sum");
            assertLe(sum, 9_000, "bound");
        }
    }
}
