package com.payoutrunner.preview;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.RoutedPayout;

/**
 * The columns of preview.csv (one row per payout, in id order) and preview-totals.csv
 * (one row per group of {@link PreviewTotals}). Amounts are plain decimals with the
 * currency's exponent; accounts are masked as in the skip report.
 */
final class PreviewCsv {

	static final String[] HEADER = { "payout_id", "investor_id", "would_pay", "skip_category", "skip_reason", "amount",
			"currency", "fee", "net", "rail", "rail_currency", "rail_amount", "fx_rate", "fx_quote_date", "connector",
			"masked_account", "value_date" };

	static final String[] TOTALS_HEADER = { "rail", "rail_currency", "connector", "currency", "payouts", "gross",
			"fees", "net", "rail_amount" };

	private PreviewCsv() {
	}

	static Object[] row(PreviewOutcome outcome) {
		PayoutCandidate payout = outcome.payout();
		if (outcome instanceof PreviewOutcome.WouldPay pay) {
			RoutedPayout routed = pay.routed();
			return new Object[] { payout.id(), payout.investorId(), "yes", null, null, decimal(payout.amount()),
					payout.currency(), decimal(routed.priced().fee().total()), decimal(routed.priced().net()),
					routed.route().rail(), routed.route().currency().getCurrencyCode(), decimal(routed.fx().target()),
					routed.fx().rate().toPlainString(), routed.fx().quoteDate(), pay.connector(),
					payout.bank().maskedAccount(), pay.valueDate() };
		}
		String category;
		String reason;
		if (outcome instanceof PreviewOutcome.WouldSkip skip) {
			category = skip.category().code();
			reason = skip.reason();
		}
		else {
			category = PreviewOutcome.AlreadyQueued.CATEGORY;
			reason = ((PreviewOutcome.AlreadyQueued) outcome).reason();
		}
		return new Object[] { payout.id(), payout.investorId(), "no", category, reason, decimal(payout.amount()),
				payout.currency(), null, null, null, null, null, null, null, null, payout.bank().maskedAccount(),
				null };
	}

	static Object[] totalsRow(PreviewTotals.Row row) {
		PreviewTotals.Key key = row.key();
		return new Object[] { key.rail(), key.railCurrency(), key.connector(), key.currency(), row.payouts(),
				decimal(row.gross()), decimal(row.fees()), decimal(row.net()), decimal(row.railAmount()) };
	}

	static String decimal(Money money) {
		return money == null ? null : money.toDecimal().toPlainString();
	}

}
