/**
 * The sandbox bank: a real HTTP payment-order API with its own store, account registry
 * and injected faults, for the embedded bank and the {@code sandbox-bank} command.
 * Exposed as the named interface {@code sandbox-bank}.
 */
@NamedInterface("sandbox-bank")
package com.payoutrunner.connector.sandbox;

import org.springframework.modulith.NamedInterface;
