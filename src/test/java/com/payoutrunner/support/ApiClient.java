package com.payoutrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' API of a {@link WebIntegrationTest}, over real HTTP: requests as the
 * demo users of config/application.yaml ({@code viewer}, {@code operator},
 * {@code approver}, {@code admin}, each with the password {@code <name>-demo}), the RFC
 * 9457 problems it answers with, and runs followed to their end.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final JsonMapper json;

	private volatile boolean sentWrongCredentials;

	ApiClient(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	/** The Authorization header of a demo user. */
	public static String demo(String user) {
		return basic(user, user + "-demo");
	}

	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public int port() {
		return port;
	}

	/** A request to build further (headers, method), accepting JSON. */
	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
	}

	public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest built = request.build();
		HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() == 401 && built.headers().firstValue("Authorization").isPresent()) {
			sentWrongCredentials = true;
		}
		return response;
	}

	/**
	 * Whether a request with credentials was refused (401): the server counts it against
	 * 127.0.0.1 for a while.
	 */
	public boolean sentWrongCredentials() {
		return sentWrongCredentials;
	}

	/**
	 * A JSON call: the body (if any) as {@code application/json}, with this Authorization
	 * header (none when null).
	 */
	public HttpResponse<String> send(String method, String path, String authorization, String body)
			throws IOException, InterruptedException {
		return send(json(method, path, authorization, body));
	}

	/** A JSON call as a demo user. */
	public HttpResponse<String> as(String user, String method, String path, String body)
			throws IOException, InterruptedException {
		return send(method, path, demo(user), body);
	}

	/** A JSON call as a demo user, with an {@code Idempotency-Key} (none when null). */
	public HttpResponse<String> as(String user, String method, String path, String body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = json(method, path, demo(user), body);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return send(request);
	}

	private HttpRequest.Builder json(String method, String path, String authorization, String body) {
		HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return request;
	}

	public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
		return as(user, "GET", path, null);
	}

	/**
	 * A statement posted as {@code text/csv}, as the reconciliations endpoint takes it.
	 */
	public HttpResponse<String> postStatement(String user, String path, String csv)
			throws IOException, InterruptedException {
		return send(request(path).header("Authorization", demo(user))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
	}

	/** A response read off the wire by {@link #getRaw}. */
	public record RawResponse(int status, String contentType, String body) {
	}

	/**
	 * A GET sent byte for byte over a socket (HTTP/1.0, so the answer is not chunked), as
	 * a demo user accepting JSON: for request targets {@code java.net.URI} refuses to
	 * build (a malformed escape).
	 */
	public RawResponse getRaw(String user, String target) throws IOException {
		return getRaw(user, target, "application/json");
	}

	/** As {@link #getRaw(String, String)}, accepting {@code accept}. */
	public RawResponse getRaw(String user, String target, String accept) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			String request = "GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: " + accept + "\r\n"
					+ "Authorization: " + demo(user) + "\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int end = response.indexOf("\r\n\r\n");
			String head = response.substring(0, end);
			String contentType = head.lines()
				.filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
				.map(line -> line.substring("content-type:".length()).trim())
				.findFirst()
				.orElse(null);
			return new RawResponse(Integer.parseInt(head.split(" ")[1]), contentType, response.substring(end + 4));
		}
	}

	/**
	 * As {@link #assertProblem(HttpResponse, int, String)}, for a response read off the
	 * wire.
	 */
	public void assertProblem(RawResponse response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(org.springframework.http.MediaType.parseMediaType(response.contentType()).removeQualityValue())
			.matches(media -> media.equalsTypeAndSubtype(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON),
					response.contentType());
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:payout-runner:problem:" + type);
	}

	public JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/**
	 * An RFC 9457 problem of this status and type
	 * ({@code urn:payout-runner:problem:<type>}), with its title and detail in words.
	 */
	public void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:payout-runner:problem:" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	/** The run at this location ({@code /api/runs/<id>}) once it has ended, as viewer. */
	public JsonNode awaitRunEnd(String location) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode run = json(get("viewer", location));
			String status = run.path("run").path("status").asString();
			// A run's status may read STOPPED before its listeners set the exit code and
			// the summary: it has ended once its end time is written, in the last update.
			boolean ended = !run.path("run").path("ended_at").isNull()
					&& !run.path("run").path("ended_at").isMissingNode();
			if (ended && !status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
				return run;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("run " + location + " still " + status);
			}
			Thread.sleep(200);
		}
	}

}
