package com.payoutrunner.ledger;

import com.payoutrunner.core.Money;

/** A hold larger than what the entity has available; nothing was reserved. */
public class InsufficientFundsException extends RuntimeException {

	public InsufficientFundsException(Money requested, Money available) {
		super("insufficient funds: " + requested + " requested, " + available + " available");
	}

}
