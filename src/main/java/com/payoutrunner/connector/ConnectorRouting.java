package com.payoutrunner.connector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which connector serves a rail: a route for the rail and currency wins over a route for
 * the rail alone, which wins over the default. Checked when it is built, so that a bad
 * route stops start-up naming the setting and the reason. Pure.
 */
public final class ConnectorRouting {

	/** One configured route; {@code currency} may be null (any currency). */
	public record Route(String rail, String currency, String connector) {
	}

	private final String defaultConnector;

	private final Map<String, String> byRailAndCurrency = new HashMap<>();

	private final Map<String, String> byRail = new HashMap<>();

	public ConnectorRouting(String defaultConnector, List<Route> routes, Set<String> knownConnectors,
			Set<String> knownRails) {
		List<String> problems = new ArrayList<>();
		if (!knownConnectors.contains(defaultConnector)) {
			problems.add("payout.connectors.default-connector: unknown connector '" + defaultConnector + "' (known: "
					+ new TreeSet<>(knownConnectors) + ")");
		}
		for (int i = 0; i < routes.size(); i++) {
			Route route = routes.get(i);
			String where = "payout.connectors.routes[" + i + "]";
			if (route.rail() == null || !knownRails.contains(route.rail())) {
				problems.add(where + ": rail '" + route.rail() + "' is not in config/rails/country-rails.csv (rails: "
						+ new TreeSet<>(knownRails) + ")");
			}
			if (route.connector() == null || !knownConnectors.contains(route.connector())) {
				problems.add(where + ": unknown connector '" + route.connector() + "' (known: "
						+ new TreeSet<>(knownConnectors) + ")");
			}
			String previous = route.currency() == null ? byRail.put(route.rail(), route.connector())
					: byRailAndCurrency.put(route.rail() + "/" + route.currency(), route.connector());
			if (previous != null) {
				problems.add(where + ": a second route for " + route.rail()
						+ (route.currency() == null ? "" : " in " + route.currency()));
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("bad connector routing: " + String.join("; ", problems));
		}
		this.defaultConnector = defaultConnector;
	}

	public String connectorFor(String rail, String currency) {
		String specific = byRailAndCurrency.get(rail + "/" + currency);
		if (specific != null) {
			return specific;
		}
		return byRail.getOrDefault(rail, defaultConnector);
	}

}
