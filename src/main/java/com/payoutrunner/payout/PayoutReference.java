package com.payoutrunner.payout;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payout's reference as banks see it: {@code PO-YYYYMMDD-XXXXXXXX}, the day the payout
 * was created and its id in hexadecimal. Derived, never stored: id and creation day never
 * change. It fits the 35 characters of an ISO 20022 end-to-end id and the SEPA character
 * set; a NACHA entry's 15-character identification carries the short form
 * {@code PO-XXXXXXXX}. A bank's status report or return file names the payout by either.
 */
public final class PayoutReference {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);

	private static final Pattern REFERENCE = Pattern.compile("PO-(?:(\\d{8})-)?([0-9A-F]{8})");

	private PayoutReference() {
	}

	public static String of(long payoutId, LocalDate createdOn) {
		return "PO-" + DAY.format(createdOn) + "-" + hex(payoutId);
	}

	public static String shortForm(long payoutId) {
		return "PO-" + hex(payoutId);
	}

	/**
	 * The payout id a reference (either form) names; empty when it is not one of ours.
	 */
	public static OptionalLong payoutId(String reference) {
		Matcher matcher = REFERENCE.matcher(reference == null ? "" : reference.strip());
		return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(2), 16)) : OptionalLong.empty();
	}

	private static String hex(long payoutId) {
		if (payoutId < 0 || payoutId > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("payout id " + payoutId + " does not fit a reference");
		}
		return String.format(Locale.ROOT, "%08X", payoutId);
	}

}
