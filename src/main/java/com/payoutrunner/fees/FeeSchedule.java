package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.payoutrunner.core.CsvTableFile;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.TableFormatException;
import com.payoutrunner.payout.Priority;

/**
 * The fee rule of each priority, loaded from config/fees/fee-schedule.csv. Every priority
 * must have one, with a fixed fee and an approval threshold that state their currency
 * ({@code EUR 0.50}, {@code EUR 10000.00}; see docs/money-controls.md).
 */
public final class FeeSchedule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Map<Priority, FeeRule> rules;

	FeeSchedule(Map<Priority, FeeRule> rules) {
		this.rules = Map.copyOf(rules);
	}

	/**
	 * @param convertible whether a currency has an FX rate: a fixed fee or a threshold in
	 * a currency without one could not be converted into a payout's currency
	 */
	public static FeeSchedule load(Path file, Predicate<Currency> convertible) {
		Map<Priority, FeeRule> rules = new EnumMap<>(Priority.class);
		for (CsvTableFile.Row row : CsvTableFile.read(file,
				List.of("priority", "rate_percent", "fixed_fee", "batched", "approval_threshold"))) {
			Priority priority;
			try {
				priority = Priority.fromCode(row.text("priority"));
			}
			catch (IllegalArgumentException ex) {
				throw row.error("priority", ex.getMessage());
			}
			BigDecimal rate = row.decimal("rate_percent");
			if (rate.signum() < 0 || rate.compareTo(HUNDRED) >= 0) {
				throw row.error("rate_percent", "rate " + rate + " must be at least 0 and below 100");
			}
			Money fixed = stated(row, "fixed_fee", convertible);
			if (fixed.minorUnits() < 0) {
				throw row.error("fixed_fee", "fixed fee " + fixed + " must not be negative");
			}
			Money threshold = stated(row, "approval_threshold", convertible);
			if (!threshold.isPositive()) {
				throw row.error("approval_threshold", "threshold " + threshold + " must be above zero");
			}
			FeeRule rule = new FeeRule(priority, rate, fixed, row.bool("batched"), threshold,
					file.getFileName() + ":" + row.line());
			if (rules.putIfAbsent(priority, rule) != null) {
				throw row.error("priority", "priority " + priority.code() + " appears twice");
			}
		}
		for (Priority priority : Priority.values()) {
			if (!rules.containsKey(priority)) {
				throw new TableFormatException(file, "no fee rule for priority " + priority.code());
			}
		}
		return new FeeSchedule(rules);
	}

	/** An amount that states its currency ("EUR 10000.00"), with a rate to convert it. */
	private static Money stated(CsvTableFile.Row row, String column, Predicate<Currency> convertible) {
		Money amount;
		try {
			amount = Money.parseStated(row.text(column));
		}
		catch (IllegalArgumentException ex) {
			throw row.error(column, ex.getMessage());
		}
		if (!convertible.test(amount.currency())) {
			throw row.error(column, amount.code() + " has no FX rate in the FX table: " + amount
					+ " could not be converted into a payout's currency");
		}
		return amount;
	}

	public FeeRule ruleFor(Priority priority) {
		return rules.get(priority);
	}

}
