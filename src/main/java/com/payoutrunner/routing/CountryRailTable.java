package com.payoutrunner.routing;

import java.nio.file.Path;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.payoutrunner.core.CountryCodes;
import com.payoutrunner.core.CsvTableFile;
import com.payoutrunner.core.TableFormatException;

/**
 * Country → local rail and currency, from config/rails/country-rails.csv. The row with
 * country {@code *} is the fallback (international wire) and must be present.
 */
public final class CountryRailTable {

	static final String FALLBACK = "*";

	private final Map<String, RailRoute> byCountry;

	private final RailRoute fallback;

	CountryRailTable(Map<String, RailRoute> byCountry, RailRoute fallback) {
		this.byCountry = Map.copyOf(byCountry);
		this.fallback = fallback;
	}

	public static CountryRailTable load(Path file) {
		return load(file, currency -> true);
	}

	/**
	 * Loads the table and checks that every rail's currency is {@code payable} (has an FX
	 * rate): a payout routed to a rail whose currency cannot be converted to could never
	 * be paid.
	 */
	public static CountryRailTable load(Path file, java.util.function.Predicate<Currency> payable) {
		Map<String, RailRoute> routes = new HashMap<>();
		RailRoute fallback = null;
		for (CsvTableFile.Row row : CsvTableFile.read(file, List.of("country", "rail", "currency", "scheme"))) {
			String country = row.text("country");
			if (!FALLBACK.equals(country) && !CountryCodes.isAlpha2(country)) {
				throw row.error("country",
						"'" + country + "' is not an ISO 3166 alpha-2 country code (or * for the fallback)");
			}
			String rail = row.text("rail");
			if (!rail.matches("[A-Z][A-Z0-9_]*")) {
				throw row.error("rail", "rail '" + rail + "' must be UPPER_SNAKE_CASE");
			}
			Currency currency = currency(row);
			if (!payable.test(currency)) {
				throw row.error("currency", "rail currency " + currency.getCurrencyCode()
						+ " has no FX rate in the FX table: payouts could not be converted to it");
			}
			RailRoute route = new RailRoute(rail, currency, row.optionalText("scheme"),
					file.getFileName() + ":" + row.line());
			if (FALLBACK.equals(country)) {
				if (fallback != null) {
					throw row.error("country", "the fallback row * appears twice");
				}
				fallback = route;
			}
			else if (routes.putIfAbsent(country, route) != null) {
				throw row.error("country", "country " + country + " appears twice");
			}
		}
		if (fallback == null) {
			throw new TableFormatException(file, "no fallback row (country *) for unsupported countries");
		}
		return new CountryRailTable(routes, fallback);
	}

	private static Currency currency(CsvTableFile.Row row) {
		String code = row.text("currency");
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw row.error("currency", "'" + code + "' is not an ISO 4217 currency code");
		}
	}

	/** The local rail of a country, or the fallback when the country has none. */
	public RailRoute routeFor(String country) {
		return byCountry.getOrDefault(country, fallback);
	}

	/** Every rail the table routes to, the fallback's included. */
	public java.util.Set<String> rails() {
		java.util.Set<String> rails = new java.util.HashSet<>();
		byCountry.values().forEach(route -> rails.add(route.rail()));
		rails.add(fallback.rail());
		return rails;
	}

	public RailRoute fallback() {
		return fallback;
	}

	public int countryCount() {
		return byCountry.size();
	}

}
