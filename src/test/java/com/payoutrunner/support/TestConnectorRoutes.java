package com.payoutrunner.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.payoutrunner.connector.AddressedPayout;
import com.payoutrunner.connector.BeneficiaryAddress;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.connector.ConnectorRouting;
import com.payoutrunner.connector.PaymentConnectors;
import com.payoutrunner.connector.file.BankFileFormat;
import com.payoutrunner.routing.CountryRailTable;
import com.payoutrunner.routing.RoutedPayout;

/**
 * The connector routes of the running application ({@code payout.connectors.routes}) as a
 * test sets them ({@code routes.route("SEPA", "sepa-pain001-file")}), given back to the
 * configured ones after the test. It stands in for the application's
 * {@link ConnectorProcessor}, which reads the routes once at start-up; the routes a test
 * sets are checked as the configured ones are.
 */
public class TestConnectorRoutes extends ConnectorProcessor implements RestoredAfterEachTest {

	private final ConnectorProcessor configured;

	private final String defaultConnector;

	private final Set<String> connectors;

	private final Set<String> rails;

	private final List<ConnectorRouting.Route> routes = new ArrayList<>();

	private volatile ConnectorProcessor current;

	TestConnectorRoutes(ConnectorProcessor configured, String defaultConnector, PaymentConnectors connectors,
			CountryRailTable rails) {
		// The routing of the superclass is never used: every payout goes to the current
		// processor.
		super(new ConnectorRouting(defaultConnector, List.of(), Set.of(defaultConnector), Set.of()), Map.of());
		this.configured = configured;
		this.defaultConnector = defaultConnector;
		this.connectors = connectors.names();
		this.rails = rails.rails();
		this.current = configured;
	}

	/** Payouts on this rail go to that connector (a bank API or a bank file format). */
	public synchronized void route(String rail, String connector) {
		routes.add(new ConnectorRouting.Route(rail, null, connector));
		Map<String, ConnectorRouting.Scope> fileFormats = new LinkedHashMap<>();
		Map<String, BeneficiaryAddress> coordinates = new LinkedHashMap<>();
		for (BankFileFormat format : BankFileFormat.values()) {
			fileFormats.put(format.connector(), new ConnectorRouting.Scope(format.rail(), format.currency()));
			coordinates.put(format.connector(), format.beneficiaryAddress());
		}
		Set<String> known = new LinkedHashSet<>(connectors);
		known.addAll(fileFormats.keySet());
		current = new ConnectorProcessor(
				new ConnectorRouting(defaultConnector, List.copyOf(routes), known, rails, fileFormats), coordinates);
	}

	@Override
	public AddressedPayout process(RoutedPayout routed) {
		return current.process(routed);
	}

	@Override
	public synchronized void restore() {
		routes.clear();
		current = configured;
	}

}
