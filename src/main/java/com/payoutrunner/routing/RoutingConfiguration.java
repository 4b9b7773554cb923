package com.payoutrunner.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.MoneyConversion;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	CountryRailTable countryRailTable(PayoutRunnerProperties properties, MoneyConversion conversion) {
		return CountryRailTable.load(properties.tables().countryRails(), conversion::canConvert);
	}

	/**
	 * The conversion of stated amounts (fixed fees, thresholds) at the FX table's rates.
	 */
	@Bean
	MoneyConversion moneyConversion(FxRateTable rates) {
		return rates.conversion();
	}

	@Bean
	FxRateTable fxRateTable(PayoutRunnerProperties properties) {
		return FxRateTable.load(properties.tables().fxRates());
	}

	@Bean
	RailSelector railSelector(CountryRailTable table) {
		return new RailSelector(table);
	}

	@Bean
	FxConverter fxConverter(FxRateTable rates) {
		return new FxConverter(rates);
	}

}
