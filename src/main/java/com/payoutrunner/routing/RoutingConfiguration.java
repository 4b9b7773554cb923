package com.payoutrunner.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

	@Bean
	CountryRailTable countryRailTable(PayoutRunnerProperties properties) {
		return CountryRailTable.load(properties.tables().countryRails());
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
