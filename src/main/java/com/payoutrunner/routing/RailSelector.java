package com.payoutrunner.routing;

/**
 * Picks the rail in the seeds' order: a non-US investor banking in the US → ACH in USD; a
 * US investor → ACH; a country in the table → its local rail; anything else →
 * international wire in USD. The payment method never changes the rail (it only decides
 * eligibility).
 */
public final class RailSelector {

	private static final String US = "US";

	private final CountryRailTable table;

	public RailSelector(CountryRailTable table) {
		this.table = table;
	}

	public RailRoute select(String country, boolean hasUsBankAccount) {
		if (hasUsBankAccount) {
			return table.routeFor(US);
		}
		return table.routeFor(country);
	}

}
