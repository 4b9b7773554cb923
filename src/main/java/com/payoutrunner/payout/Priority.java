package com.payoutrunner.payout;

import java.util.Arrays;
import java.util.Locale;

/** How urgently a payout is paid; decides its fee rule and which schedule picks it up. */
public enum Priority {

	INSTANT, PRIORITY, NORMAL, LOW;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static Priority fromCode(String code) {
		return Arrays.stream(values())
			.filter(p -> p.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"priority '" + code + "' is not one of instant, priority, normal, low"));
	}

}
