package com.payoutrunner.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;

import tools.jackson.databind.json.JsonMapper;

/**
 * A worker's small management port (a worker runs no web server), answering GET only:
 * {@code /actuator/health}, Actuator's health (database, broker, disk), its status only,
 * 200 when UP and 503 otherwise, for container probes; {@code /actuator/metrics} and
 * {@code /actuator/metrics/{name}?tag=key:value}, Actuator's metrics endpoint over this
 * worker's registry, whose meters all carry the {@code worker} tag. Nothing else.
 */
final class WorkerActuatorServer implements AutoCloseable {

	private static final String METRICS = "/actuator/metrics";

	private static final int MAX_QUERY = 1_000;

	private static final int THREADS = 4;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, runnable -> {
		Thread thread = new Thread(runnable, "worker-management");
		thread.setDaemon(true);
		return thread;
	});

	private final HealthEndpoint health;

	private final MetricsEndpoint metrics;

	private final JsonMapper json;

	private WorkerActuatorServer(HttpServer server, HealthEndpoint health, MetricsEndpoint metrics, JsonMapper json) {
		this.server = server;
		this.health = health;
		this.metrics = metrics;
		this.json = json;
	}

	static WorkerActuatorServer start(String address, int port, HealthEndpoint health, MetricsEndpoint metrics,
			JsonMapper json) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
		WorkerActuatorServer actuator = new WorkerActuatorServer(server, health, metrics, json);
		server.createContext("/", actuator::answer);
		// Requests are answered on threads of their own: on the server's one dispatcher
		// thread, a client that opens a connection and sends nothing (or a slow health
		// check) would hold up the probes, and the orchestrator would restart the worker.
		server.setExecutor(actuator.threads);
		server.start();
		return actuator;
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			if (!"GET".equals(exchange.getRequestMethod())) {
				send(exchange, 405, Map.of("error", "GET only"));
			}
			else if ("/actuator/health".equals(path)) {
				Status status = health.health().getStatus();
				send(exchange, Status.UP.equals(status) ? 200 : 503, Map.of("status", status.getCode()));
			}
			else if (METRICS.equals(path)) {
				send(exchange, 200, Map.of("names", metrics.listNames().getNames()));
			}
			else if (path.startsWith(METRICS + "/") && path.indexOf('/', METRICS.length() + 1) < 0) {
				metric(exchange, path.substring(METRICS.length() + 1));
			}
			else {
				send(exchange, 404, Map.of("error", "not found"));
			}
		}
	}

	private void metric(HttpExchange exchange, String name) throws IOException {
		List<String> tags = new ArrayList<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			if (query.length() > MAX_QUERY) {
				send(exchange, 400, Map.of("error", "query longer than " + MAX_QUERY + " characters"));
				return;
			}
			for (String parameter : query.split("&")) {
				String[] pair = parameter.split("=", 2);
				String value = pair.length == 2 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
				if (!"tag".equals(pair[0]) || value.indexOf(':') < 1) {
					send(exchange, 400, Map.of("error", "the only parameter is tag=key:value"));
					return;
				}
				tags.add(value);
			}
		}
		MetricsEndpoint.MetricDescriptor metric = metrics.metric(name, tags);
		if (metric == null) {
			send(exchange, 404, Map.of("error", "no metric " + name + " with these tags"));
			return;
		}
		send(exchange, 200, metric);
	}

	private void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = json.writeValueAsBytes(body);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}

}
