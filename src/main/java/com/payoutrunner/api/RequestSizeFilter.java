package com.payoutrunner.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.config.InputLimits;

/**
 * Refuses a query parameter with a NUL character or one not percent-encoded UTF-8 (400
 * naming it), and a request body above its limit with 413 before anything reads it whole:
 * {@code payout.limits.max-statement-bytes} for a statement upload, else
 * {@code max-request-bytes}. A declared Content-Length above it is refused at once; a
 * body without one (chunked) is counted as it is read and fails when it crosses the
 * limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeFilter extends OncePerRequestFilter {

	/** Thrown by a body read past its limit; answered with 413 by ApiProblemHandler. */
	static class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("the request body is larger than " + limit + " bytes");
			this.limit = limit;
		}

		long limit() {
			return limit;
		}

	}

	private final InputLimits limits;

	private final JsonMapper json;

	RequestSizeFilter(InputLimits limits, JsonMapper json) {
		this.limits = limits;
		this.json = json;
	}

	long limitOf(HttpServletRequest request) {
		boolean statement = "POST".equals(request.getMethod())
				&& "/api/reconciliations".equals(request.getRequestURI().replaceAll("/+$", ""));
		return (statement ? limits.maxStatementBytes() : limits.maxRequestBytes()).toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitOf(request);
		if (request.getContentLengthLong() > limit) {
			answer(request, response, problem(limit));
			return;
		}
		QueryFault fault = queryFault(request.getQueryString());
		if (fault != null) {
			answer(request, response, Problems.invalidField(fault.parameter(), fault.reason()).getBody());
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	/**
	 * The problem, or for a browser (it asks for HTML) the error page with the problem's
	 * detail, through the error dispatch ({@link ErrorDispatchController}).
	 */
	private void answer(HttpServletRequest request, HttpServletResponse response,
			org.springframework.http.ProblemDetail problem) throws IOException {
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains("text/html")) {
			request.setAttribute(ErrorDispatchController.DETAIL, problem.getDetail());
			response.sendError(problem.getStatus());
			return;
		}
		response.setStatus(problem.getStatus());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	/**
	 * A query parameter the service will not read: its name, as readable as it is, and
	 * why.
	 */
	record QueryFault(String parameter, String reason) {
	}

	static final String NUL = "contains a NUL character";

	static final String MALFORMED = "is not correctly percent-encoded UTF-8";

	/**
	 * The first query parameter whose name or value holds a NUL (PostgreSQL refuses it),
	 * or that is not percent-encoded UTF-8 (the servlet container refuses to read it,
	 * deep inside whatever asks first); null when every one is fine. Never throws.
	 */
	static QueryFault queryFault(String query) {
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			String[] nameAndValue = pair.split("=", 2);
			String name = decodeStrictly(nameAndValue[0]);
			String value = nameAndValue.length > 1 ? decodeStrictly(nameAndValue[1]) : "";
			String shown = name == null ? nameAndValue[0] : name.replace('\0', '?');
			if (name == null || value == null) {
				return new QueryFault(shown, MALFORMED);
			}
			if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
				return new QueryFault(shown, NUL);
			}
		}
		return null;
	}

	/**
	 * A query component decoded ('+' a space, %XY a byte, UTF-8), or null when it is not
	 * valid.
	 */
	private static String decodeStrictly(String component) {
		java.io.ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
		for (int i = 0; i < component.length(); i++) {
			char c = component.charAt(i);
			if (c == '%') {
				int high = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
				int low = high >= 0 ? Character.digit(component.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else if (c == '+') {
				bytes.write(' ');
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	static org.springframework.http.ProblemDetail problem(long limit) {
		return Problems.detail(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
				"the request body is larger than " + limit + " bytes (payout.limits)");
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new Counting(super.getInputStream(), limit);
			}
			return stream;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		Counting(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
