package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.payoutrunner.core.CsvTableFile;
import com.payoutrunner.core.TableFormatException;
import com.payoutrunner.payout.Priority;

/**
 * The fee rule of each priority, loaded from config/fees/fee-schedule.csv. Every priority
 * must have one.
 */
public final class FeeSchedule {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Map<Priority, FeeRule> rules;

	FeeSchedule(Map<Priority, FeeRule> rules) {
		this.rules = Map.copyOf(rules);
	}

	public static FeeSchedule load(Path file) {
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
			BigDecimal fixed = row.decimal("fixed_fee");
			if (fixed.signum() < 0) {
				throw row.error("fixed_fee", "fixed fee " + fixed + " must not be negative");
			}
			BigDecimal threshold = row.optionalDecimal("approval_threshold");
			if (threshold != null && threshold.signum() <= 0) {
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

	public FeeRule ruleFor(Priority priority) {
		return rules.get(priority);
	}

}
