package com.payoutrunner.preview;

import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.payoutrunner.core.Money;
import com.payoutrunner.routing.RoutedPayout;

/**
 * Counts a preview's outcomes and adds up what it would pay per rail, rail currency,
 * connector and payout currency. Gross, fees and net are in the payout currency, the rail
 * amount in the rail currency; each key has one of each, so nothing of two currencies is
 * ever added. Memory grows with the number of keys, not of payouts. Exact: minor units,
 * overflow fails. Pure.
 */
public final class PreviewTotals {

	/**
	 * One group of lines: the connector follows from rail and rail currency, so it never
	 * splits a group; the payout currency may.
	 */
	public record Key(String rail, String railCurrency, String connector, String currency) {

		static final Comparator<Key> ORDER = Comparator.comparing(Key::rail)
			.thenComparing(Key::railCurrency)
			.thenComparing(Key::currency)
			.thenComparing(Key::connector);

	}

	/** What a group would pay. */
	public record Row(Key key, long payouts, Money gross, Money fees, Money net, Money railAmount) {
	}

	private static final class Sum {

		long payouts;

		long gross;

		long fees;

		long net;

		long railAmount;

	}

	private final Map<Key, Sum> sums = new HashMap<>();

	private final Map<String, Long> skips = new HashMap<>();

	private long wouldPay;

	private long wouldSkip;

	private long alreadyQueued;

	public void add(PreviewOutcome outcome) {
		// Java 17: no pattern matching for switch yet.
		if (outcome instanceof PreviewOutcome.WouldPay pay) {
			addPaid(pay);
		}
		else if (outcome instanceof PreviewOutcome.WouldSkip skip) {
			wouldSkip++;
			skips.merge(skip.category().code(), 1L, Long::sum);
		}
		else if (outcome instanceof PreviewOutcome.AlreadyQueued) {
			alreadyQueued++;
		}
		else {
			throw new IllegalArgumentException("unknown outcome " + outcome);
		}
	}

	private void addPaid(PreviewOutcome.WouldPay pay) {
		RoutedPayout routed = pay.routed();
		Money amount = routed.priced().payout().amount();
		Key key = new Key(routed.route().rail(), routed.route().currency().getCurrencyCode(), pay.connector(),
				amount.code());
		Sum sum = sums.computeIfAbsent(key, k -> new Sum());
		sum.payouts++;
		sum.gross = Math.addExact(sum.gross, amount.minorUnits());
		sum.fees = Math.addExact(sum.fees, routed.priced().fee().total().minorUnits());
		sum.net = Math.addExact(sum.net, routed.priced().net().minorUnits());
		sum.railAmount = Math.addExact(sum.railAmount, routed.fx().target().minorUnits());
		wouldPay++;
	}

	public long payouts() {
		return wouldPay + wouldSkip + alreadyQueued;
	}

	public long wouldPay() {
		return wouldPay;
	}

	public long wouldSkip() {
		return wouldSkip;
	}

	public long alreadyQueued() {
		return alreadyQueued;
	}

	/**
	 * Skips per category, most frequent first, then by category: the order of a run's
	 * summary.
	 */
	public Map<String, Long> skipBreakdown() {
		Map<String, Long> breakdown = new LinkedHashMap<>();
		skips.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(entry -> breakdown.put(entry.getKey(), entry.getValue()));
		return breakdown;
	}

	/** One row per group, by rail, rail currency, payout currency and connector. */
	public List<Row> rows() {
		Map<Key, Sum> sorted = new TreeMap<>(Key.ORDER);
		sorted.putAll(sums);
		return sorted.entrySet().stream().map(entry -> {
			Key key = entry.getKey();
			Sum sum = entry.getValue();
			Currency currency = Currency.getInstance(key.currency());
			return new Row(key, sum.payouts, new Money(sum.gross, currency), new Money(sum.fees, currency),
					new Money(sum.net, currency), new Money(sum.railAmount, Currency.getInstance(key.railCurrency())));
		}).toList();
	}

}
