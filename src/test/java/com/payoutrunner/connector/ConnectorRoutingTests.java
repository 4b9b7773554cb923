package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConnectorRoutingTests {

	static final Set<String> CONNECTORS = Set.of("sandbox-bank", "iso20022-file", "nacha-file");

	static final Set<String> RAILS = Set.of("SEPA", "ACH", "WIRE");

	@Test
	void theMostSpecificRouteWins() {
		var routing = new ConnectorRouting("sandbox-bank",
				List.of(new ConnectorRouting.Route("SEPA", null, "iso20022-file"),
						new ConnectorRouting.Route("ACH", "USD", "nacha-file")),
				CONNECTORS, RAILS);

		assertThat(routing.connectorFor("SEPA", "EUR")).isEqualTo("iso20022-file");
		assertThat(routing.connectorFor("ACH", "USD")).isEqualTo("nacha-file");
		assertThat(routing.connectorFor("ACH", "CAD")).isEqualTo("sandbox-bank");
		assertThat(routing.connectorFor("WIRE", "USD")).isEqualTo("sandbox-bank");
	}

	@Test
	void aBadRouteStopsStartUpNamingTheSettingAndTheReason() {
		assertThatThrownBy(() -> new ConnectorRouting("sandbox-bank",
				List.of(new ConnectorRouting.Route("SEPA", null, "swift-gpi"),
						new ConnectorRouting.Route("BACS2", null, "sandbox-bank"),
						new ConnectorRouting.Route("SEPA", null, "sandbox-bank")),
				CONNECTORS, RAILS))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("payout.connectors.routes[0]: unknown connector 'swift-gpi'")
			.hasMessageContaining("payout.connectors.routes[1]: rail 'BACS2' is not in config/rails/country-rails.csv")
			.hasMessageContaining("payout.connectors.routes[2]: a second route for SEPA");
	}

	@Test
	void anUnknownDefaultConnectorIsRefused() {
		assertThatThrownBy(() -> new ConnectorRouting("telex", List.of(), CONNECTORS, RAILS))
			.hasMessageContaining("payout.connectors.default-connector: unknown connector 'telex'");
	}

}
