package com.payoutrunner.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error dispatch ({@code /error}): what failed outside every
 * controller's own handling, such as a request the firewall refuses ({@code ;x=1}, an
 * encoded {@code ..} in the path), a form whose encoding the container cannot read, or a
 * console page whose template failed while it rendered. An API client gets an RFC 9457
 * problem, a browser the error page ({@code templates/error.html}); both name the
 * request's correlation id, and a server error is logged with it (its exception left the
 * request's own log context). Replaces Boot's BasicErrorController, whose JSON is not a
 * problem.
 */
@Controller
@RequestMapping("/error")
class ErrorDispatchController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorDispatchController.class);

	/**
	 * A request attribute: the detail of a refusal made before any controller (a
	 * filter's), shown on the page instead of the generic one.
	 */
	static final String DETAIL = ErrorDispatchController.class.getName() + ".detail";

	/** What failed, as the client is told. */
	record Failure(HttpStatus status, String type, String detail, String correlationId) {
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
		Failure failure = failure(request, response);
		ModelAndView page = new ModelAndView("error", failure.status());
		page.addObject("status", failure.status().value());
		page.addObject("reason", failure.detail());
		page.addObject("correlationId", failure.correlationId());
		return page;
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response) {
		Failure failure = failure(request, response);
		ProblemDetail problem = Problems.detail(failure.status(), failure.type(), failure.detail());
		problem.setProperty(CorrelationIdFilter.MDC_KEY, failure.correlationId());
		return ResponseEntity.status(failure.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static Failure failure(HttpServletRequest request, HttpServletResponse response) {
		String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
		if (correlationId == null) {
			correlationId = CorrelationIdFilter.current();
		}
		InvalidParameterException unreadable = unreadableParameters(
				request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		if (unreadable != null) {
			// The container refuses to read the parameters only when asked for one:
			// whatever asked first failed with it, but the request was the client's.
			HttpStatus status = HttpStatus.resolve(unreadable.getErrorCode());
			return new Failure(status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST,
					"rejected-request", "the request's parameters (in its address or its form) could not be read: "
							+ "not percent-encoded UTF-8, too many or too large",
					correlationId);
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// Asked for directly, /error is simply not a page.
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : HttpStatus.NOT_FOUND;
		if (status == null && code instanceof Integer value && value >= 400 && value < 500) {
			status = HttpStatus.BAD_REQUEST;
		}
		if (status == null || status.is5xxServerError()) {
			logServerError(request, correlationId);
			// A 503 stays a 503 (clients and proxies act on it); what failed stays in the
			// log.
			return new Failure(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, "internal-error",
					ApiProblemHandler.GENERIC, correlationId);
		}
		if (request.getAttribute(DETAIL) instanceof String detail) {
			return new Failure(status, "rejected-request", detail, correlationId);
		}
		return switch (status) {
			case BAD_REQUEST -> new Failure(status, "rejected-request",
					"the request was refused before it was read: its address or headers are malformed "
							+ "(for example a ';' parameter, or an encoded '.', '/' or '%' in the path)",
					correlationId);
			case NOT_FOUND -> new Failure(status, "not-found", "there is nothing at this address", correlationId);
			case METHOD_NOT_ALLOWED ->
				new Failure(status, "method-not-allowed", "this address does not take that method", correlationId);
			default -> new Failure(status,
					status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
					"the request was refused (" + status.value() + " " + status.getReasonPhrase() + ")", correlationId);
		};
	}

	private static InvalidParameterException unreadableParameters(Object failed) {
		Throwable cause = failed instanceof Throwable ex ? ex : null;
		for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException unreadable) {
				return unreadable;
			}
		}
		return null;
	}

	private static void logServerError(HttpServletRequest request, String correlationId) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
		try {
			log.error("request {} failed outside its handler: {}",
					request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					failed instanceof Throwable ex ? ex.getMessage()
							: "status " + request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE),
					failed instanceof Throwable ex ? ex : null);
		}
		finally {
			MDC.remove(CorrelationIdFilter.MDC_KEY);
		}
	}

}
