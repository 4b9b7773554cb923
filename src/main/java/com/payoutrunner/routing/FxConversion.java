package com.payoutrunner.routing;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.payoutrunner.core.Money;

/**
 * An amount converted at {@code rate} (target units per source unit) quoted on
 * {@code quoteDate}.
 */
public record FxConversion(Money source, Money target, BigDecimal rate, LocalDate quoteDate) {
}
