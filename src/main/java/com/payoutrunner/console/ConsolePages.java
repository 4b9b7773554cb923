package com.payoutrunner.console;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shows besides its own content (who is signed in), and its
 * errors as a page rather than the API's JSON problems: the API's handler answers for
 * every controller, so this one goes first for the console's.
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

	private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

	@ModelAttribute("user")
	String user(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	@ExceptionHandler(ResponseStatusException.class)
	ModelAndView refused(ResponseStatusException ex, Principal principal) {
		return page(ex.getStatusCode(), ex.getReason(), principal);
	}

	/**
	 * A path or query value of the wrong kind ({@code /payouts/abc}) is the user's
	 * mistake.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception ex, Principal principal) {
		String reason = ex instanceof MethodArgumentTypeMismatchException mismatch ? "'" + mismatch.getName()
				+ "' must be " + (isNumber(mismatch.getRequiredType()) ? "a whole number" : "a valid value") + ", not '"
				+ shortened(String.valueOf(mismatch.getValue())) + "'" : ex.getMessage();
		return page(HttpStatus.BAD_REQUEST, reason, principal);
	}

	/**
	 * What the user sent, as the page may echo it (escaped by the template): cut when
	 * long.
	 */
	private static String shortened(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "...";
	}

	private static boolean isNumber(Class<?> type) {
		return type == long.class || type == int.class || type == Long.class || type == Integer.class;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, Principal principal) {
		log.error("console request failed: {}", ex.getMessage(), ex);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, "The page could not be shown; the server's log says why.",
				principal);
	}

	private ModelAndView page(HttpStatusCode status, String reason, Principal principal) {
		ModelAndView page = new ModelAndView("console/error", status);
		page.addObject("reason", reason);
		page.addObject("status", status.value());
		page.addObject("user", user(principal));
		return page;
	}

}
