package com.payoutrunner.fees;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutCandidate;

/**
 * An eligible payout with its fee and the net amount left for the beneficiary (amount =
 * net + fee).
 */
public record PricedPayout(PayoutCandidate payout, Fee fee, Money net) {
}
