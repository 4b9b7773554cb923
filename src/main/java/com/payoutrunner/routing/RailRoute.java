package com.payoutrunner.routing;

import java.util.Currency;

/**
 * The rail a payout travels on and the currency it is paid in; {@code rule} names the
 * table row used.
 */
public record RailRoute(String rail, Currency currency, String scheme, String rule) {
}
