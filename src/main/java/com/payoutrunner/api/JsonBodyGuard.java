package com.payoutrunner.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON body's tokens before any converter parses it, and refuses (400 naming the
 * field by its path, e.g. {@code metadata.note}) the first of:
 * <ul>
 * <li>a NUL character in a string or a name: PostgreSQL cannot store one in text, so it
 * would fail deep in a transaction;</li>
 * <li>a number written with an exponent ({@code 1e2}, {@code 1.0E1}): money and rates are
 * written in plain notation, and the parsed tree keeps no token text ({@code 1.0E1} would
 * become the same value as {@code 10}).</li>
 * </ul>
 * The body is already limited in size by {@link RequestSizeFilter}; one that is not JSON
 * is left to the converter's own error.
 */
@RestControllerAdvice
class JsonBodyGuard extends RequestBodyAdviceAdapter {

	static final String NUL = "contains a NUL character";

	static final String EXPONENT = "must be written without an exponent (1000.00, not 1.0E3)";

	/** A refused token: its path and the reason. */
	record Refusal(String field, String message) {
	}

	private final JsonMapper json;

	JsonBodyGuard(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType != byte[].class && targetType != String.class;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = inputMessage.getBody().readAllBytes();
		MediaType type = inputMessage.getHeaders().getContentType();
		Refusal refusal = firstRefusal(body, type == null ? null : type.getCharset());
		if (refusal != null) {
			throw Problems.invalidField(refusal.field(), refusal.message());
		}
		HttpHeaders headers = inputMessage.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	/**
	 * The first refused token in document order, or null (also for a body that is not
	 * JSON). A body whose Content-Type names a charset other than UTF-8 is read in it, as
	 * the converter will read it; else in JSON's own encodings.
	 */
	Refusal firstRefusal(byte[] body, Charset charset) {
		try (JsonParser parser = charset == null || StandardCharsets.UTF_8.equals(charset) ? json.createParser(body)
				: json.createParser(new String(body, charset))) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				String text = switch (token) {
					case PROPERTY_NAME, VALUE_STRING, VALUE_NUMBER_FLOAT -> parser.getString();
					default -> null;
				};
				if (text == null) {
					continue;
				}
				if (text.indexOf('\0') >= 0) {
					return new Refusal(path(parser.streamReadContext()).replace('\0', '?'), NUL);
				}
				if (token == JsonToken.VALUE_NUMBER_FLOAT && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)) {
					return new Refusal(path(parser.streamReadContext()), EXPONENT);
				}
			}
		}
		catch (JacksonException ex) {
			// Malformed: the converter answers it.
		}
		return null;
	}

	/**
	 * The field's dotted path: {@code beneficiary.account_name}, {@code lines[2].amount};
	 * empty at the top level.
	 */
	static String path(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			String segment = c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.currentName());
			path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? segment : segment + ".");
		}
		return path.toString();
	}

}
