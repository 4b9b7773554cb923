package com.payoutrunner.api;

import java.io.IOException;

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
 * Refuses a query parameter with a NUL character (400 naming it), and a request body
 * above its limit with 413 before anything reads it whole:
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
			answer(response, problem(limit));
			return;
		}
		String parameter = parameterWithNul(request.getQueryString());
		if (parameter != null) {
			answer(response, Problems.invalidField(parameter, "contains a NUL character").getBody());
			return;
		}
		chain.doFilter(new Limited(request, limit), response);
	}

	private void answer(HttpServletResponse response, org.springframework.http.ProblemDetail problem)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType("application/problem+json");
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	/**
	 * The query parameter whose name or value holds a NUL (PostgreSQL refuses it), or
	 * null.
	 */
	static String parameterWithNul(String query) {
		if (query == null || !query.contains("%00")) {
			return null;
		}
		for (String pair : query.split("&")) {
			if (pair.contains("%00")) {
				String raw = pair.split("=", 2)[0];
				try {
					return java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8).replace('\0', '?');
				}
				catch (IllegalArgumentException malformedEscape) {
					// Still a NUL in the query: named as sent, never a 500.
					return raw;
				}
			}
		}
		return null;
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
