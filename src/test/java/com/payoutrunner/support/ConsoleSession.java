package com.payoutrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The console of a {@link WebIntegrationTest} over real HTTP, as a browser without script
 * uses it: a session cookie, the sign-in form, and form posts carrying the CSRF token the
 * pages hold. {@link #get} and {@link #post(String, Map)} do not follow redirects, so a
 * test sees where a post leads ({@link #follow} goes there); {@link #page} and
 * {@link #post(String, String, Map)} follow them and read the page they end on as an HTML
 * document (jsoup).
 */
public final class ConsoleSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private String csrf;

	private ConsoleSession(int port) {
		this.port = port;
	}

	/** A session without anyone signed in. */
	public static ConsoleSession anonymous(int port) throws Exception {
		ConsoleSession session = new ConsoleSession(port);
		session.csrf = session.tokenOf(session.get("/login"));
		return session;
	}

	/** A demo user ({@code <name>-demo}) signed in through the form. */
	public static ConsoleSession signedIn(int port, String user) throws Exception {
		ConsoleSession session = anonymous(port);
		HttpResponse<String> signedIn = session.signIn(user, user + "-demo");
		assertThat(signedIn.headers().firstValue("Location")).as("sign-in of " + user)
			.hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
		// The token changes with the session at sign-in: take the new one.
		session.csrf = session.tokenOf(session.get("/runs"));
		return session;
	}

	/** The sign-in form posted; the answer is a redirect. */
	public HttpResponse<String> signIn(String user, String password) throws Exception {
		return post("/login", Map.of("username", user, "password", password));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form post with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrf);
		return postWithout(path, fields);
	}

	/** A form post with these fields only (no CSRF token unless among them). */
	public HttpResponse<String> postWithout(String path, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The page a redirect leads to. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
		assertThat(redirect.statusCode()).as(redirect.body()).isIn(302, 303);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return get(URI.create(location).isAbsolute()
				? URI.create(location).getRawPath()
						+ (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery())
				: location);
	}

	/** A page that must answer 200 (after any redirects), as a document. */
	public Document page(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = followAll(get(path));
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return document(response);
	}

	/**
	 * Posts a form from {@code fromPage} (with the token that page holds) to
	 * {@code action}; the answer is that of the page it leads to.
	 */
	public HttpResponse<String> post(String fromPage, String action, Map<String, String> form)
			throws IOException, InterruptedException {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", tokenOf(followAll(get(fromPage))));
		return followAll(postWithout(action, fields));
	}

	public static Document document(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	private HttpResponse<String> followAll(HttpResponse<String> response) throws IOException, InterruptedException {
		HttpResponse<String> current = response;
		for (int hops = 0; current.statusCode() / 100 == 3 && hops < 5; hops++) {
			current = follow(current);
		}
		return current;
	}

	/** The run a launch (or a run approval that resumed it) redirected to. */
	public static long runId(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/runs/\\d+");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "text/html");
	}

	private String tokenOf(HttpResponse<String> page) {
		Matcher token = CSRF.matcher(page.body());
		assertThat(token.find()).as("a CSRF token on the page").isTrue();
		return token.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
