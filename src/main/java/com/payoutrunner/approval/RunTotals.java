package com.payoutrunner.approval;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.payoutrunner.core.Money;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.routing.FxConverter;

/**
 * What a run would pay: the groups of {@link PreviewTotals} (per rail, rail currency,
 * connector and payout currency, the dry run's own shape) and the overall gross, fees and
 * net in one currency. Each payout currency's sum is converted once at the FX table's
 * cross rate ({@link FxConverter}: 20 significant digits, rounded HALF_EVEN to the
 * target's minor unit), then the converted sums are added: amounts of two currencies are
 * never added as bare numbers. Pure.
 */
record RunTotals(List<PreviewTotals.Row> rows, long payouts, Money gross, Money fees, Money net) {

	public RunTotals {
		rows = List.copyOf(rows);
	}

	public static RunTotals of(List<PreviewTotals.Row> rows, Currency in, FxConverter fx) {
		Map<Currency, long[]> byCurrency = new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
		long payouts = 0;
		for (PreviewTotals.Row row : rows) {
			long[] sums = byCurrency.computeIfAbsent(row.gross().currency(), c -> new long[3]);
			sums[0] = Math.addExact(sums[0], row.gross().minorUnits());
			sums[1] = Math.addExact(sums[1], row.fees().minorUnits());
			sums[2] = Math.addExact(sums[2], row.net().minorUnits());
			payouts += row.payouts();
		}
		long[] total = new long[3];
		byCurrency.forEach((currency, sums) -> {
			for (int i = 0; i < 3; i++) {
				total[i] = Math.addExact(total[i], convert(new Money(sums[i], currency), in, fx));
			}
		});
		return new RunTotals(rows, payouts, new Money(total[0], in), new Money(total[1], in), new Money(total[2], in));
	}

	private static long convert(Money amount, Currency in, FxConverter fx) {
		if (amount.minorUnits() == 0) {
			return 0;
		}
		if (amount.currency().equals(in)) {
			return amount.minorUnits();
		}
		return fx.convert(amount, in).target().minorUnits();
	}

}
