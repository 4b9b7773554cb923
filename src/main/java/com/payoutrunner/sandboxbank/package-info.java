/**
 * The sandbox bank: a real HTTP payment-order API with its own store, account registry
 * and injected faults. Out of the production path: it offers the connector module an
 * {@link com.payoutrunner.connector.EmbeddedBank} for runs without
 * {@code payout.bank.url}, and runs on its own with the {@code sandbox-bank} command; its
 * beans start only when one of them uses it.
 */
package com.payoutrunner.sandboxbank;
