// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EmergencyPause} from "./utils/EmergencyPause.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title ModelRegistry
/// @notice Registry of trained model versions and their licensing. The platform (which knows
///         who trained what) registers a version with its weights hash, metadata URI, parent
///         version and the providers that contributed, each with a revenue share in bps (their
///         sum is capped by `maxContributorBps`). The model owner sets the licence terms: a
///         token, a perpetual licence price and a pay-per-use price. Revenue is split between
///         the contributors (their shares) and the owner (the rest) as claimable balances,
///         pulled with `withdraw(token)`. A pause (EmergencyPause) stops registrations, licence
///         purchases and pay-per-use; withdrawals stay open.
/// @dev    Per token: token.balanceOf(this) == totalClaimable[token]. Tokens that charge
///         transfer fees or rebase are not supported.
contract ModelRegistry is EmergencyPause, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Registers model versions.
    bytes32 public constant PLATFORM_ROLE = keccak256("PLATFORM_ROLE");

    uint256 public constant BPS = 10_000;
    uint256 public constant MAX_CONTRIBUTORS = 32;
    uint256 public constant MAX_USES_PER_PAYMENT = 1_000_000;

    struct Model {
        address owner;
        uint64 registeredAt;
        uint16 contributorBps; // sum of contributor shares
        address token; // licence token (zero until terms are set)
        uint256 parentId; // 0 = no parent
        bytes32 weightsHash;
        uint256 licensePrice; // perpetual licence; 0 = not offered
        uint256 usePrice; // per use; 0 = not offered
        string metadataUri;
    }

    struct Contributor {
        address account;
        uint16 shareBps;
    }

    /// @notice Upper bound for the sum of contributor shares of a new model.
    uint256 public maxContributorBps;
    /// @notice Number of registered models; ids run from 1 to modelCount.
    uint256 public modelCount;

    mapping(uint256 modelId => Model) private _models;
    mapping(uint256 modelId => Contributor[]) private _contributors;
    mapping(address user => mapping(uint256 modelId => bool)) private _licensed;
    /// @notice Revenue waiting to be withdrawn, per token and account.
    mapping(address token => mapping(address account => uint256)) public claimable;
    /// @notice Sum of claimable balances, per token.
    mapping(address token => uint256) public totalClaimable;

    event ModelRegistered(
        uint256 indexed modelId,
        address indexed owner,
        uint256 indexed parentId,
        bytes32 weightsHash,
        string metadataUri,
        address[] contributors,
        uint16[] sharesBps
    );
    event LicenseTermsSet(uint256 indexed modelId, address indexed token, uint256 licensePrice, uint256 usePrice);
    event ModelOwnershipTransferred(uint256 indexed modelId, address indexed previousOwner, address indexed newOwner);
    event LicensePurchased(uint256 indexed modelId, address indexed licensee, address indexed token, uint256 price);
    event LicenseGranted(uint256 indexed modelId, address indexed licensee, address indexed grantor);
    event UsagePaid(
        uint256 indexed modelId, address indexed payer, address indexed token, uint256 uses, uint256 amount
    );
    event RevenueDistributed(uint256 indexed modelId, address indexed token, uint256 amount, uint256 ownerAmount);
    event Withdrawn(address indexed token, address indexed account, uint256 amount);
    event MaxContributorBpsUpdated(uint256 previous, uint256 current);

    error ZeroAddress();
    error ZeroAmount();
    error ZeroWeightsHash();
    error UnknownModel(uint256 modelId);
    error UnknownParent(uint256 parentId);
    error LengthMismatch();
    error TooManyContributors(uint256 count);
    error ZeroShare(address contributor);
    error DuplicateContributor(address contributor);
    error SharesExceedBound(uint256 sum, uint256 bound);
    error NotModelOwner(address caller);
    error NotForSale(uint256 modelId);
    error UsageNotOffered(uint256 modelId);
    error TokenMismatch(address expected, address actual);
    error PriceAboveMax(uint256 price, uint256 maxPrice);
    error AlreadyLicensed(address user, uint256 modelId);
    error TooManyUses(uint256 uses);
    error UnsupportedToken(address token);
    error NothingToWithdraw();
    error InvalidBps(uint256 bps);

    /// @param admin              receives DEFAULT_ADMIN_ROLE
    /// @param maxContributorBps_ cap for the sum of contributor shares, at most BPS
    constructor(address admin, uint256 maxContributorBps_) {
        if (admin == address(0)) revert ZeroAddress();
        if (maxContributorBps_ > BPS) revert InvalidBps(maxContributorBps_);
        maxContributorBps = maxContributorBps_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit MaxContributorBpsUpdated(0, maxContributorBps_);
    }

    // ------------------------------------------------------------------ registration

    /// @notice Register a model version owned by `owner`.
    /// @param parentId     id of the version this one derives from, or 0
    /// @param contributors providers that trained this version (distinct, at most 32)
    /// @param sharesBps    their revenue shares; the owner receives the rest
    function registerModel(
        address owner,
        bytes32 weightsHash,
        string calldata metadataUri,
        uint256 parentId,
        address[] calldata contributors,
        uint16[] calldata sharesBps
    ) external onlyRole(PLATFORM_ROLE) whenNotPaused returns (uint256 modelId) {
        if (owner == address(0)) revert ZeroAddress();
        if (weightsHash == bytes32(0)) revert ZeroWeightsHash();
        if (parentId > modelCount) revert UnknownParent(parentId);

        modelId = ++modelCount;
        uint256 sum = _storeContributors(modelId, contributors, sharesBps);
        Model storage m = _models[modelId];
        m.owner = owner;
        m.registeredAt = uint64(block.timestamp);
        // forge-lint: disable-next-line(unsafe-typecast) sum <= maxContributorBps <= BPS
        m.contributorBps = uint16(sum);
        m.parentId = parentId;
        m.weightsHash = weightsHash;
        m.metadataUri = metadataUri;
        emit ModelRegistered(modelId, owner, parentId, weightsHash, metadataUri, contributors, sharesBps);
    }

    // ------------------------------------------------------------------ owner

    /// @notice Set the licence token and prices (0 disables that way of paying).
    function setLicenseTerms(uint256 modelId, address token, uint256 licensePrice, uint256 usePrice) external {
        Model storage m = _ownedModel(modelId);
        if (token == address(0) && (licensePrice != 0 || usePrice != 0)) revert ZeroAddress();
        m.token = token;
        m.licensePrice = licensePrice;
        m.usePrice = usePrice;
        emit LicenseTermsSet(modelId, token, licensePrice, usePrice);
    }

    function transferModelOwnership(uint256 modelId, address newOwner) external {
        Model storage m = _ownedModel(modelId);
        if (newOwner == address(0)) revert ZeroAddress();
        emit ModelOwnershipTransferred(modelId, m.owner, newOwner);
        m.owner = newOwner;
    }

    /// @notice Grant a perpetual licence for free.
    function grantLicense(uint256 modelId, address user) external {
        _ownedModel(modelId);
        if (user == address(0)) revert ZeroAddress();
        if (_licensed[user][modelId]) revert AlreadyLicensed(user, modelId);
        _licensed[user][modelId] = true;
        emit LicenseGranted(modelId, user, msg.sender);
    }

    // ------------------------------------------------------------------ buyers

    /// @notice Buy a perpetual licence. `token` and `maxPrice` protect against terms changing
    ///         between signing and inclusion.
    function buyLicense(uint256 modelId, address token, uint256 maxPrice) external nonReentrant whenNotPaused {
        Model storage m = _existingModel(modelId);
        uint256 price = m.licensePrice;
        if (price == 0) revert NotForSale(modelId);
        if (token != m.token) revert TokenMismatch(m.token, token);
        if (price > maxPrice) revert PriceAboveMax(price, maxPrice);
        if (_licensed[msg.sender][modelId]) revert AlreadyLicensed(msg.sender, modelId);
        _licensed[msg.sender][modelId] = true;
        emit LicensePurchased(modelId, msg.sender, token, price);
        _collect(modelId, m, token, price);
    }

    /// @notice Pay for `uses` uses at the model's per-use price.
    function payPerUse(uint256 modelId, uint256 uses, address token, uint256 maxUnitPrice)
        external
        nonReentrant
        whenNotPaused
    {
        Model storage m = _existingModel(modelId);
        uint256 unitPrice = m.usePrice;
        if (unitPrice == 0) revert UsageNotOffered(modelId);
        if (uses == 0) revert ZeroAmount();
        if (uses > MAX_USES_PER_PAYMENT) revert TooManyUses(uses);
        if (token != m.token) revert TokenMismatch(m.token, token);
        if (unitPrice > maxUnitPrice) revert PriceAboveMax(unitPrice, maxUnitPrice);
        uint256 amount = unitPrice * uses;
        emit UsagePaid(modelId, msg.sender, token, uses, amount);
        _collect(modelId, m, token, amount);
    }

    /// @notice Withdraw the caller's claimable balance of `token`.
    function withdraw(address token) external nonReentrant returns (uint256 amount) {
        amount = claimable[token][msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        claimable[token][msg.sender] = 0;
        totalClaimable[token] -= amount;
        emit Withdrawn(token, msg.sender, amount);
        IERC20(token).safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ governance

    /// @dev Applies to models registered afterwards.
    function setMaxContributorBps(uint256 newBound) external onlyRole(GOVERNOR_ROLE) {
        if (newBound > BPS) revert InvalidBps(newBound);
        emit MaxContributorBpsUpdated(maxContributorBps, newBound);
        maxContributorBps = newBound;
    }

    // ------------------------------------------------------------------ views

    /// @notice True when `user` bought or was granted a licence, or owns the model.
    function hasLicense(address user, uint256 modelId) external view returns (bool) {
        return _licensed[user][modelId] || (user != address(0) && _models[modelId].owner == user);
    }

    function getModel(uint256 modelId) external view returns (Model memory) {
        return _existingModelView(modelId);
    }

    function getContributors(uint256 modelId) external view returns (Contributor[] memory) {
        _existingModelView(modelId);
        return _contributors[modelId];
    }

    // ------------------------------------------------------------------ internal

    function _existingModel(uint256 modelId) private view returns (Model storage m) {
        m = _models[modelId];
        if (m.owner == address(0)) revert UnknownModel(modelId);
    }

    function _existingModelView(uint256 modelId) private view returns (Model storage) {
        return _existingModel(modelId);
    }

    function _ownedModel(uint256 modelId) private view returns (Model storage m) {
        m = _existingModel(modelId);
        if (m.owner != msg.sender) revert NotModelOwner(msg.sender);
    }

    /// @dev Validate and store the contributor list; returns the sum of shares.
    function _storeContributors(uint256 modelId, address[] calldata contributors, uint16[] calldata sharesBps)
        private
        returns (uint256 sum)
    {
        uint256 n = contributors.length;
        if (n != sharesBps.length) revert LengthMismatch();
        if (n > MAX_CONTRIBUTORS) revert TooManyContributors(n);
        Contributor[] storage list = _contributors[modelId];
        for (uint256 i; i < n; ++i) {
            address account = contributors[i];
            uint16 share = sharesBps[i];
            if (account == address(0)) revert ZeroAddress();
            if (share == 0) revert ZeroShare(account);
            for (uint256 j; j < i; ++j) {
                if (contributors[j] == account) revert DuplicateContributor(account);
            }
            sum += share;
            list.push(Contributor(account, share));
        }
        if (sum > maxContributorBps) revert SharesExceedBound(sum, maxContributorBps);
    }

    /// @dev Credit the revenue split first (effects), then pull the payment and check that the
    ///      exact amount arrived.
    function _collect(uint256 modelId, Model storage m, address token, uint256 amount) private {
        Contributor[] storage list = _contributors[modelId];
        uint256 n = list.length;
        uint256 distributed;
        for (uint256 i; i < n; ++i) {
            Contributor storage c = list[i];
            uint256 share = (amount * c.shareBps) / BPS;
            if (share != 0) {
                claimable[token][c.account] += share;
                distributed += share;
            }
        }
        uint256 ownerAmount = amount - distributed;
        claimable[token][m.owner] += ownerAmount;
        totalClaimable[token] += amount;
        emit RevenueDistributed(modelId, token, amount, ownerAmount);

        IERC20 t = IERC20(token);
        uint256 before = t.balanceOf(address(this));
        t.safeTransferFrom(msg.sender, address(this), amount);
        if (t.balanceOf(address(this)) - before != amount) revert UnsupportedToken(token);
    }
}
