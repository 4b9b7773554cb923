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

	/** A connector that can carry only one rail in one currency (a bank file format). */
	public record Scope(String rail, String currency) {
	}

	private final String defaultConnector;

	private final Map<String, String> byRailAndCurrency = new HashMap<>();

	private final Map<String, String> byRail = new HashMap<>();

	public ConnectorRouting(String defaultConnector, List<Route> routes, Set<String> knownConnectors,
			Set<String> knownRails) {
		this(defaultConnector, routes, knownConnectors, knownRails, Map.of());
	}

	/**
	 * @param scoped connectors that serve only one rail and currency: never the default,
	 * and routed only from their own rail
	 */
	public ConnectorRouting(String defaultConnector, List<Route> routes, Set<String> knownConnectors,
			Set<String> knownRails, Map<String, Scope> scoped) {
		List<String> problems = new ArrayList<>();
		if (scoped.containsKey(defaultConnector)) {
			Scope scope = scoped.get(defaultConnector);
			problems.add("payout.connectors.default-connector: '" + defaultConnector + "' carries only " + scope.rail()
					+ " in " + scope.currency() + "; route that rail to it instead");
		}
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
			Scope scope = scoped.get(route.connector());
			if (scope != null && (!scope.rail().equals(route.rail())
					|| (route.currency() != null && !scope.currency().equals(route.currency())))) {
				problems.add(where + ": '" + route.connector() + "' carries only " + scope.rail() + " in "
						+ scope.currency() + ", not " + route.rail()
						+ (route.currency() == null ? "" : " in " + route.currency()));
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
