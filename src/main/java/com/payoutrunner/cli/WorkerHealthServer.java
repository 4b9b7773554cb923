package com.payoutrunner.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;

/**
 * A worker's {@code GET /actuator/health} for container probes (a worker runs no web
 * server): Actuator's own health (database, broker, disk), its status only, 200 when UP
 * and 503 otherwise. Nothing else is served.
 */
final class WorkerHealthServer implements AutoCloseable {

	private final HttpServer server;

	private WorkerHealthServer(HttpServer server) {
		this.server = server;
	}

	static WorkerHealthServer start(int port, HealthEndpoint health) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
		server.createContext("/actuator/health", exchange -> {
			try (exchange) {
				if (!"GET".equals(exchange.getRequestMethod())
						|| !"/actuator/health".equals(exchange.getRequestURI().getPath())) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				Status status = health.health().getStatus();
				byte[] body = ("{\"status\":\"" + status.getCode() + "\"}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(Status.UP.equals(status) ? 200 : 503, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		server.start();
		return new WorkerHealthServer(server);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
