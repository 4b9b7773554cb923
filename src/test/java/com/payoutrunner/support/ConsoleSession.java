package com.payoutrunner.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session of the console over plain HTTP, as a browser without scripts would
 * use it: the sign-in form, pages read as HTML documents (jsoup), and form posts that
 * carry the CSRF token of the page they are made from. Redirects are followed, so a post
 * answers with the page it leads to (and its message).
 */
public final class ConsoleSession {

	private final int port;

	private final HttpClient http;

	private ConsoleSession(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/** Signed in as one of the demo users of config/application.yaml. */
	public static ConsoleSession signIn(int port, String user) throws IOException, InterruptedException {
		ConsoleSession session = new ConsoleSession(port);
		Document signIn = session.page("/login");
		HttpResponse<String> signedIn = session.send("/login",
				Map.of("username", user, "password", user + "-demo", "_csrf", csrf(signIn)));
		assertThat(signedIn.uri().getPath()).as("where signing in as %s leads", user).isEqualTo("/runs");
		return session;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A page that must answer 200, as a document. */
	public Document page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	/**
	 * Posts a form from {@code fromPage} (with that page's CSRF token) to {@code action};
	 * the response is that of the page it redirects to.
	 */
	public HttpResponse<String> post(String fromPage, String action, Map<String, String> form)
			throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrf(page(fromPage)));
		return send(action, fields);
	}

	public static Document document(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	private HttpResponse<String> send(String path, Map<String, String> fields)
			throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(Document page) {
		var token = page.selectFirst("input[name=_csrf]");
		assertThat(token).as("a CSRF token on %s", page.location()).isNotNull();
		return token.attr("value");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
