package com.payoutrunner.payout;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A payout's life. The allowed transitions are declared here and, identically, in the
 * database (table payout_status_transitions, enforced by a trigger); a test keeps the two
 * in step.
 */
public enum PayoutStatus {

	PENDING, AWAITING_APPROVAL, QUEUED, SENDING, SENT, FAILED, REJECTED, DEAD_LETTER, CANCELLED, SETTLED, RETURNED;

	private static final Map<PayoutStatus, Set<PayoutStatus>> ALLOWED = Map.ofEntries(
			Map.entry(PENDING, EnumSet.of(AWAITING_APPROVAL, QUEUED, CANCELLED)),
			Map.entry(AWAITING_APPROVAL, EnumSet.of(PENDING, CANCELLED, REJECTED)),
			Map.entry(QUEUED, EnumSet.of(SENDING, CANCELLED, PENDING)),
			Map.entry(SENDING, EnumSet.of(SENT, FAILED, REJECTED, DEAD_LETTER)),
			Map.entry(FAILED, EnumSet.of(QUEUED, CANCELLED)), Map.entry(REJECTED, EnumSet.of(QUEUED)),
			Map.entry(DEAD_LETTER, EnumSet.of(QUEUED, CANCELLED, PENDING)),
			Map.entry(SENT, EnumSet.of(SETTLED, RETURNED, DEAD_LETTER)),
			Map.entry(CANCELLED, EnumSet.noneOf(PayoutStatus.class)), Map.entry(SETTLED, EnumSet.of(RETURNED)),
			Map.entry(RETURNED, EnumSet.noneOf(PayoutStatus.class)));

	public boolean canMoveTo(PayoutStatus next) {
		return ALLOWED.get(this).contains(next);
	}

	public Set<PayoutStatus> allowedNext() {
		return ALLOWED.get(this);
	}

	/** True once the bank holds a payment order for the payout. */
	public boolean hasPaymentOrder() {
		return this == SENT || this == SETTLED || this == RETURNED;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PayoutStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
