package com.payoutrunner.routing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.payoutrunner.core.CsvTableFile;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.core.TableFormatException;

/**
 * Rates from config/fx/fx-rates.csv, each quoted as units of the currency per 1 USD with
 * its quote date. USD itself must be present at 1.
 */
public final class FxRateTable {

	public record Quote(Currency currency, BigDecimal unitsPerUsd, LocalDate quoteDate) {
	}

	private final Map<Currency, Quote> quotes;

	FxRateTable(Map<Currency, Quote> quotes) {
		this.quotes = Map.copyOf(quotes);
	}

	public static FxRateTable load(Path file) {
		Map<Currency, Quote> quotes = new HashMap<>();
		for (CsvTableFile.Row row : CsvTableFile.read(file, List.of("currency", "units_per_usd", "quote_date"))) {
			String code = row.text("currency");
			Currency currency;
			try {
				currency = Currency.getInstance(code);
			}
			catch (IllegalArgumentException ex) {
				throw row.error("currency", "'" + code + "' is not an ISO 4217 currency code");
			}
			if (currency.getDefaultFractionDigits() < 0) {
				// XAU, XDR, XXX...: no minor unit, not an amount a rail pays.
				throw row.error("currency", code + " has no minor unit in ISO 4217: no rail pays it");
			}
			BigDecimal rate = row.decimal("units_per_usd");
			if (rate.signum() <= 0) {
				throw row.error("units_per_usd", "rate " + rate + " must be above zero");
			}
			LocalDate quoteDate;
			try {
				quoteDate = LocalDate.parse(row.text("quote_date"));
			}
			catch (DateTimeParseException ex) {
				throw row.error("quote_date", "'" + row.text("quote_date") + "' is not a date like 2024-06-28");
			}
			if (quotes.putIfAbsent(currency, new Quote(currency, rate, quoteDate)) != null) {
				throw row.error("currency", "currency " + code + " appears twice");
			}
		}
		Quote usd = quotes.get(Currency.getInstance("USD"));
		if (usd == null || usd.unitsPerUsd().compareTo(BigDecimal.ONE) != 0) {
			throw new TableFormatException(file, "USD must be quoted at exactly 1");
		}
		return new FxRateTable(quotes);
	}

	public Optional<Quote> quote(Currency currency) {
		return Optional.ofNullable(quotes.get(currency));
	}

	public boolean supports(Currency currency) {
		return quotes.containsKey(currency);
	}

	/**
	 * The rates as the conversion of stated amounts (fixed fees, thresholds) uses them.
	 */
	public MoneyConversion conversion() {
		Map<Currency, BigDecimal> rates = new HashMap<>();
		quotes.forEach((currency, quote) -> rates.put(currency, quote.unitsPerUsd()));
		return new MoneyConversion(rates);
	}

}
