package com.payoutrunner.routing;

import com.payoutrunner.fees.PricedPayout;

/** A priced payout with its rail and the net amount converted into the rail currency. */
public record RoutedPayout(PricedPayout priced, RailRoute route, FxConversion fx) {
}
