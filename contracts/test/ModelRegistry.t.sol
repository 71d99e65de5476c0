// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Fixture} from "./utils/Fixture.sol";
import {FeeOnTransferToken} from "./utils/Mocks.sol";
import {ModelRegistry} from "../src/ModelRegistry.sol";

contract ModelRegistryTest is Fixture {
    bytes32 internal constant WEIGHTS = keccak256("weights-v1");
    string internal constant URI = "ipfs://model-v1";
    address internal owner;

    function setUp() public override {
        super.setUp();
        owner = makeAddr("owner");
    }

    function _contributors() internal view returns (address[] memory accounts, uint16[] memory shares) {
        accounts = new address[](2);
        shares = new uint16[](2);
        accounts[0] = alice;
        accounts[1] = bob;
        shares[0] = 3_000;
        shares[1] = 1_000;
    }

    function _register() internal returns (uint256 id) {
        (address[] memory accounts, uint16[] memory shares) = _contributors();
        vm.prank(platform);
        id = registry.registerModel(owner, WEIGHTS, URI, 0, accounts, shares);
    }

    function _registerWith(address[] memory accounts, uint16[] memory shares) internal returns (uint256 id) {
        vm.prank(platform);
        id = registry.registerModel(owner, WEIGHTS, URI, 0, accounts, shares);
    }

    function _setTerms(uint256 id, uint256 licensePrice, uint256 usePrice) internal {
        vm.prank(owner);
        registry.setLicenseTerms(id, address(usdc), licensePrice, usePrice);
    }

    // ------------------------------------------------------------------ constructor

    function test_constructor() public {
        assertEq(registry.maxContributorBps(), MAX_CONTRIBUTOR_BPS);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        new ModelRegistry(address(0), 1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.InvalidBps.selector, 10_001));
        new ModelRegistry(admin, 10_001);
    }

    // ------------------------------------------------------------------ registration

    function test_registerModel_storesVersionAndContributors() public {
        (address[] memory accounts, uint16[] memory shares) = _contributors();
        vm.expectEmit(address(registry));
        emit ModelRegistry.ModelRegistered(1, owner, 0, WEIGHTS, URI, accounts, shares);
        uint256 id = _register();
        assertEq(id, 1);
        assertEq(registry.modelCount(), 1);
        ModelRegistry.Model memory m = registry.getModel(id);
        assertEq(m.owner, owner);
        assertEq(m.weightsHash, WEIGHTS);
        assertEq(m.metadataUri, URI);
        assertEq(m.parentId, 0);
        assertEq(uint256(m.contributorBps), 4_000);
        assertEq(uint256(m.registeredAt), block.timestamp);
        ModelRegistry.Contributor[] memory c = registry.getContributors(id);
        assertEq(c.length, 2);
        assertEq(c[0].account, alice);
        assertEq(uint256(c[0].shareBps), 3_000);
        assertEq(c[1].account, bob);
    }

    function test_registerModel_childVersionReferencesParent() public {
        uint256 parent = _register();
        vm.prank(platform);
        uint256 child =
            registry.registerModel(carol, keccak256("v2"), "ipfs://v2", parent, new address[](0), new uint16[](0));
        assertEq(registry.getModel(child).parentId, parent);
        assertEq(registry.getContributors(child).length, 0);
    }

    function test_registerModel_reverts() public {
        (address[] memory accounts, uint16[] memory shares) = _contributors();
        vm.startPrank(platform);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        registry.registerModel(address(0), WEIGHTS, URI, 0, accounts, shares);
        vm.expectRevert(ModelRegistry.ZeroWeightsHash.selector);
        registry.registerModel(owner, bytes32(0), URI, 0, accounts, shares);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownParent.selector, 1));
        registry.registerModel(owner, WEIGHTS, URI, 1, accounts, shares);
        vm.expectRevert(ModelRegistry.LengthMismatch.selector);
        registry.registerModel(owner, WEIGHTS, URI, 0, accounts, new uint16[](1));
        vm.stopPrank();
    }

    function test_registerModel_revertsOnBadContributors() public {
        address[] memory accounts = new address[](2);
        uint16[] memory shares = new uint16[](2);
        accounts[0] = alice;
        accounts[1] = address(0);
        shares[0] = 1;
        shares[1] = 1;
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        _registerWith(accounts, shares);

        accounts[1] = alice;
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.DuplicateContributor.selector, alice));
        _registerWith(accounts, shares);

        accounts[1] = bob;
        shares[1] = 0;
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.ZeroShare.selector, bob));
        _registerWith(accounts, shares);

        shares[0] = 9_000;
        shares[1] = 1;
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.SharesExceedBound.selector, 9_001, 9_000));
        _registerWith(accounts, shares);
    }

    function test_registerModel_revertsOnTooManyContributors() public {
        address[] memory accounts = new address[](33);
        uint16[] memory shares = new uint16[](33);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.TooManyContributors.selector, 33));
        _registerWith(accounts, shares);
    }

    // ------------------------------------------------------------------ owner functions

    function test_setLicenseTerms() public {
        uint256 id = _register();
        vm.expectEmit(address(registry));
        emit ModelRegistry.LicenseTermsSet(id, address(usdc), 100e6, 1e6);
        _setTerms(id, 100e6, 1e6);
        ModelRegistry.Model memory m = registry.getModel(id);
        assertEq(m.token, address(usdc));
        assertEq(m.licensePrice, 100e6);
        assertEq(m.usePrice, 1e6);
    }

    function test_setLicenseTerms_reverts() public {
        uint256 id = _register();
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, stranger));
        vm.prank(stranger);
        registry.setLicenseTerms(id, address(usdc), 1, 1);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        vm.prank(owner);
        registry.setLicenseTerms(id, address(0), 1, 0);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 2));
        vm.prank(owner);
        registry.setLicenseTerms(2, address(usdc), 1, 1);
    }

    function test_transferModelOwnership() public {
        uint256 id = _register();
        vm.expectEmit(address(registry));
        emit ModelRegistry.ModelOwnershipTransferred(id, owner, carol);
        vm.prank(owner);
        registry.transferModelOwnership(id, carol);
        assertEq(registry.getModel(id).owner, carol);
        assertTrue(registry.hasLicense(carol, id));
        assertFalse(registry.hasLicense(owner, id));

        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, owner));
        vm.prank(owner);
        registry.transferModelOwnership(id, owner);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        vm.prank(carol);
        registry.transferModelOwnership(id, address(0));
    }

    function test_grantLicense() public {
        uint256 id = _register();
        vm.expectEmit(address(registry));
        emit ModelRegistry.LicenseGranted(id, client, owner);
        vm.prank(owner);
        registry.grantLicense(id, client);
        assertTrue(registry.hasLicense(client, id));

        vm.startPrank(owner);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.AlreadyLicensed.selector, client, id));
        registry.grantLicense(id, client);
        vm.expectRevert(ModelRegistry.ZeroAddress.selector);
        registry.grantLicense(id, address(0));
        vm.stopPrank();
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotModelOwner.selector, stranger));
        vm.prank(stranger);
        registry.grantLicense(id, stranger);
    }

    // ------------------------------------------------------------------ buying

    function test_buyLicense_splitsRevenue() public {
        uint256 id = _register();
        _setTerms(id, 1_000e6, 0);
        assertFalse(registry.hasLicense(client, id));
        vm.expectEmit(address(registry));
        emit ModelRegistry.LicensePurchased(id, client, address(usdc), 1_000e6);
        vm.expectEmit(address(registry));
        emit ModelRegistry.RevenueDistributed(id, address(usdc), 1_000e6, 600e6);
        vm.prank(client);
        registry.buyLicense(id, address(usdc), 1_000e6);

        assertTrue(registry.hasLicense(client, id));
        assertEq(registry.claimable(address(usdc), alice), 300e6);
        assertEq(registry.claimable(address(usdc), bob), 100e6);
        assertEq(registry.claimable(address(usdc), owner), 600e6);
        assertEq(registry.totalClaimable(address(usdc)), 1_000e6);
        assertEq(usdc.balanceOf(address(registry)), 1_000e6);
    }

    function test_buyLicense_reverts() public {
        uint256 id = _register();
        vm.startPrank(client);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 9));
        registry.buyLicense(9, address(usdc), 1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.NotForSale.selector, id));
        registry.buyLicense(id, address(usdc), 1);
        vm.stopPrank();

        _setTerms(id, 100e6, 0);
        vm.startPrank(client);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.TokenMismatch.selector, address(usdc), address(oai)));
        registry.buyLicense(id, address(oai), 100e6);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.PriceAboveMax.selector, 100e6, 99e6));
        registry.buyLicense(id, address(usdc), 99e6);
        registry.buyLicense(id, address(usdc), 100e6);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.AlreadyLicensed.selector, client, id));
        registry.buyLicense(id, address(usdc), 100e6);
        vm.stopPrank();
    }

    function test_buyLicense_rejectsFeeOnTransferToken() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        fot.mint(client, 100 ether);
        uint256 id = _register();
        vm.prank(owner);
        registry.setLicenseTerms(id, address(fot), 10 ether, 0);
        vm.startPrank(client);
        fot.approve(address(registry), type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnsupportedToken.selector, address(fot)));
        registry.buyLicense(id, address(fot), 10 ether);
        vm.stopPrank();
    }

    function test_payPerUse_splitsRevenueWithoutLicence() public {
        uint256 id = _register();
        _setTerms(id, 0, 3e6);
        vm.expectEmit(address(registry));
        emit ModelRegistry.UsagePaid(id, client, address(usdc), 10, 30e6);
        vm.prank(client);
        registry.payPerUse(id, 10, address(usdc), 3e6);
        assertFalse(registry.hasLicense(client, id));
        assertEq(registry.claimable(address(usdc), alice), 9e6);
        assertEq(registry.claimable(address(usdc), bob), 3e6);
        assertEq(registry.claimable(address(usdc), owner), 18e6);
    }

    function test_payPerUse_reverts() public {
        uint256 id = _register();
        vm.startPrank(client);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 0));
        registry.payPerUse(0, 1, address(usdc), 1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UsageNotOffered.selector, id));
        registry.payPerUse(id, 1, address(usdc), 1);
        vm.stopPrank();
        _setTerms(id, 0, 2e6);
        vm.startPrank(client);
        vm.expectRevert(ModelRegistry.ZeroAmount.selector);
        registry.payPerUse(id, 0, address(usdc), 2e6);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.TooManyUses.selector, 1_000_001));
        registry.payPerUse(id, 1_000_001, address(usdc), 2e6);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.TokenMismatch.selector, address(usdc), address(oai)));
        registry.payPerUse(id, 1, address(oai), 2e6);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.PriceAboveMax.selector, 2e6, 1e6));
        registry.payPerUse(id, 1, address(usdc), 1e6);
        vm.stopPrank();
    }

    function test_withdraw() public {
        uint256 id = _register();
        _setTerms(id, 1_000e6, 0);
        vm.prank(client);
        registry.buyLicense(id, address(usdc), 1_000e6);
        uint256 before = usdc.balanceOf(alice);
        vm.expectEmit(address(registry));
        emit ModelRegistry.Withdrawn(address(usdc), alice, 300e6);
        vm.prank(alice);
        assertEq(registry.withdraw(address(usdc)), 300e6);
        assertEq(usdc.balanceOf(alice), before + 300e6);
        assertEq(registry.totalClaimable(address(usdc)), 700e6);
        vm.expectRevert(ModelRegistry.NothingToWithdraw.selector);
        vm.prank(alice);
        registry.withdraw(address(usdc));
    }

    function test_hasLicense_falseForUnknownModelAndZeroAddress() public view {
        assertFalse(registry.hasLicense(address(0), 1));
        assertFalse(registry.hasLicense(client, 1));
    }

    function test_views_revertForUnknownModel() public {
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 1));
        registry.getModel(1);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.UnknownModel.selector, 1));
        registry.getContributors(1);
    }

    function test_setMaxContributorBps() public {
        vm.expectEmit(address(registry));
        emit ModelRegistry.MaxContributorBpsUpdated(MAX_CONTRIBUTOR_BPS, 10_000);
        vm.prank(governor);
        registry.setMaxContributorBps(10_000);
        assertEq(registry.maxContributorBps(), 10_000);
        vm.expectRevert(abi.encodeWithSelector(ModelRegistry.InvalidBps.selector, 10_001));
        vm.prank(governor);
        registry.setMaxContributorBps(10_001);
    }

    // ------------------------------------------------------------------ fuzz

    function testFuzz_revenueSplitIsExact(uint16 shareA, uint16 shareB, uint256 price, uint256 uses) public {
        shareA = uint16(bound(shareA, 1, 4_500));
        shareB = uint16(bound(shareB, 1, 4_500));
        price = bound(price, 1, 1e30);
        uses = bound(uses, 1, 1_000);
        address[] memory accounts = new address[](2);
        uint16[] memory shares = new uint16[](2);
        accounts[0] = alice;
        accounts[1] = bob;
        shares[0] = shareA;
        shares[1] = shareB;
        uint256 id = _registerWith(accounts, shares);
        vm.prank(owner);
        registry.setLicenseTerms(id, address(usdc), 0, price);
        uint256 amount = price * uses;
        usdc.mint(client, amount);
        vm.prank(client);
        registry.payPerUse(id, uses, address(usdc), price);

        uint256 a = registry.claimable(address(usdc), alice);
        uint256 b = registry.claimable(address(usdc), bob);
        uint256 o = registry.claimable(address(usdc), owner);
        assertEq(a, (amount * shareA) / 10_000);
        assertEq(b, (amount * shareB) / 10_000);
        assertEq(a + b + o, amount);
        assertEq(usdc.balanceOf(address(registry)), registry.totalClaimable(address(usdc)));
    }
}
