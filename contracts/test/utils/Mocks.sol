// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Plain mintable ERC-20 with configurable decimals (e.g. a 6-decimal stablecoin).
contract MockERC20 is ERC20 {
    uint8 private immutable _decimals;

    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @notice Burns 1% of every transfer: the contracts must reject it.
contract FeeOnTransferToken is MockERC20 {
    constructor() MockERC20("Fee Token", "FEE", 18) {}

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}

/// @notice A hostile token: once armed, the next transfer into or out of `victim` calls
///         `hookTarget` with `payload` (typically an Attacker that re-enters the victim).
contract ReentrantToken is MockERC20 {
    address public victim;
    address public hookTarget;
    bytes public payload;
    bool public armed;
    bool public hookCalled;

    constructor() MockERC20("Evil", "EVIL", 18) {}

    function arm(address victim_, address hookTarget_, bytes calldata payload_) external {
        victim = victim_;
        hookTarget = hookTarget_;
        payload = payload_;
        armed = true;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (armed && (from == victim || to == victim)) {
            armed = false;
            hookCalled = true;
            (bool ok,) = hookTarget.call(payload);
            require(ok, "hook failed");
        }
    }
}

/// @notice Re-enters a target with preset calldata when poked, and records the outcome
///         without reverting (so the outer call is not aborted by the attacker itself).
contract Attacker {
    address public target;
    bytes public reentryCall;
    bool public reentered;
    bool public reentrySucceeded;
    bytes public reentryRevertData;

    function setReentry(address target_, bytes calldata data) external {
        target = target_;
        reentryCall = data;
    }

    /// @notice Make an ordinary call as this contract (approve, stake, withdraw...).
    function exec(address to, bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        return ret;
    }

    function reenter() external {
        reentered = true;
        (bool ok, bytes memory ret) = target.call(reentryCall);
        reentrySucceeded = ok;
        reentryRevertData = ret;
    }
}

/// @notice ERC-20 whose transfers can be switched to return false / revert (for SafeERC20 paths).
contract FailingToken is MockERC20 {
    bool public failTransfers;

    constructor() MockERC20("Failing", "FAIL", 18) {}

    function setFail(bool fail) external {
        failTransfers = fail;
    }

    function transfer(address to, uint256 value) public override returns (bool) {
        if (failTransfers) return false;
        return super.transfer(to, value);
    }
}
