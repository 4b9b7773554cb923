package com.payoutrunner.connector;

import java.net.URI;

/**
 * A bank started in this process, for when {@code payout.bank.url} is empty: the sandbox
 * bank module provides one. The connector module only knows this interface, so that the
 * sandbox bank stays out of the production path.
 */
public interface EmbeddedBank {

	/** Starts the bank when first asked; its base URL. */
	URI url();

}
