// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BaseTest} from "../utils/BaseTest.sol";
import {MockERC20} from "../utils/Mocks.sol";
import {ModelRegistry} from "../../src/ModelRegistry.sol";

/// @notice Registers models with random contributors, sets terms, sells licences and usage,
///         and withdraws revenue.
contract ModelRegistryHandler is BaseTest {
    ModelRegistry public immutable registry;
    address public immutable platform;
    MockERC20[] public tokens;
    address[] public accounts; // owners, contributors and buyers
    mapping(address token => uint256) public ghostPaidIn;
    mapping(address token => uint256) public ghostWithdrawn;
    uint256 public ghostLicenceLost; // a licence that disappeared

    constructor(ModelRegistry registry_, MockERC20[] memory tokens_, address platform_) {
        registry = registry_;
        platform = platform_;
        for (uint256 i; i < tokens_.length; ++i) {
            tokens.push(tokens_[i]);
        }
        for (uint256 i; i < 5; ++i) {
            accounts.push(address(uint160(0xD000 + i)));
        }
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function accountCount() external view returns (uint256) {
        return accounts.length;
    }

    function register(uint256 ownerSeed, uint256 contributorMask, uint256 shareSeed, uint256 parentSeed) external {
        address owner = accounts[ownerSeed % accounts.length];
        uint256 n;
        for (uint256 i; i < accounts.length; ++i) {
            if ((contributorMask >> i) & 1 == 1) n++;
        }
        address[] memory contributors = new address[](n);
        uint16[] memory shares = new uint16[](n);
        uint256 k;
        uint256 budget = registry.maxContributorBps();
        for (uint256 i; i < accounts.length && k < n; ++i) {
            if ((contributorMask >> i) & 1 == 0) continue;
            contributors[k] = accounts[i];
            // keep the sum within the bound: each share at most budget / n, at least 1
            uint256 share = bound(uint256(keccak256(abi.encode(shareSeed, i))), 1, budget / (n == 0 ? 1 : n));
            shares[k] = uint16(share);
            k++;
        }
        uint256 count = registry.modelCount();
        uint256 parent = count == 0 ? 0 : parentSeed % (count + 1);
        vm.prank(platform);
        registry.registerModel(owner, keccak256(abi.encode(shareSeed)), "uri", parent, contributors, shares);
    }

    function setTerms(uint256 modelSeed, uint256 tokenSeed, uint256 licensePrice, uint256 usePrice) external {
        uint256 count = registry.modelCount();
        if (count == 0) return;
        uint256 id = 1 + (modelSeed % count);
        address token = address(tokens[tokenSeed % tokens.length]);
        licensePrice = bound(licensePrice, 0, 1_000_000e18);
        usePrice = bound(usePrice, 0, 1_000e18);
        vm.prank(registry.getModel(id).owner);
        registry.setLicenseTerms(id, token, licensePrice, usePrice);
    }

    function buyLicense(uint256 modelSeed, uint256 buyerSeed) external {
        uint256 count = registry.modelCount();
        if (count == 0) return;
        uint256 id = 1 + (modelSeed % count);
        ModelRegistry.Model memory m = registry.getModel(id);
        address buyer = accounts[buyerSeed % accounts.length];
        if (m.licensePrice == 0 || buyer == m.owner || registry.hasLicense(buyer, id)) return;
        MockERC20 token = MockERC20(m.token);
        token.mint(buyer, m.licensePrice);
        vm.startPrank(buyer);
        token.approve(address(registry), m.licensePrice);
        registry.buyLicense(id, m.token, m.licensePrice);
        vm.stopPrank();
        ghostPaidIn[m.token] += m.licensePrice;
        if (!registry.hasLicense(buyer, id)) ghostLicenceLost++;
    }

    function payPerUse(uint256 modelSeed, uint256 buyerSeed, uint256 uses) external {
        uint256 count = registry.modelCount();
        if (count == 0) return;
        uint256 id = 1 + (modelSeed % count);
        ModelRegistry.Model memory m = registry.getModel(id);
        if (m.usePrice == 0) return;
        address buyer = accounts[buyerSeed % accounts.length];
        uses = bound(uses, 1, 100);
        uint256 amount = m.usePrice * uses;
        MockERC20 token = MockERC20(m.token);
        token.mint(buyer, amount);
        vm.startPrank(buyer);
        token.approve(address(registry), amount);
        registry.payPerUse(id, uses, m.token, m.usePrice);
        vm.stopPrank();
        ghostPaidIn[m.token] += amount;
    }

    function withdraw(uint256 accountSeed, uint256 tokenSeed) external {
        address account = accounts[accountSeed % accounts.length];
        address token = address(tokens[tokenSeed % tokens.length]);
        uint256 amount = registry.claimable(token, account);
        if (amount == 0) return;
        vm.prank(account);
        registry.withdraw(token);
        ghostWithdrawn[token] += amount;
    }
}
