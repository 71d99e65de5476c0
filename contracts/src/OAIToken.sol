// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title OAIToken
/// @notice The OrleansAI platform token. The whole supply is minted once, at deployment, to a
///         given holder; there is no mint or burn function afterwards. Votes are checkpointed
///         (ERC20Votes) on a timestamp clock so that Governance can weigh proposals by the
///         balances delegated at a past timepoint. Holders must delegate (to themselves or to
///         someone else) for their balance to count as votes.
contract OAIToken is ERC20, ERC20Permit, ERC20Votes {
    /// @notice The holder is the zero address.
    error ZeroHolder();
    /// @notice The supply is zero.
    error ZeroSupply();

    /// @param holder       receives the whole fixed supply
    /// @param totalSupply_ fixed supply in wei (18 decimals)
    constructor(address holder, uint256 totalSupply_) ERC20("OrleansAI", "OAI") ERC20Permit("OrleansAI") {
        if (holder == address(0)) revert ZeroHolder();
        if (totalSupply_ == 0) revert ZeroSupply();
        _mint(holder, totalSupply_);
    }

    /// @notice Votes use block timestamps (ERC-6372) rather than block numbers.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice ERC-6372 description of the clock.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
