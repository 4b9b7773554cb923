package com.payoutrunner.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.payoutrunner.security.ConsolePaths;

/**
 * An unknown console path ({@code /nope}) answered with the console's error page, 404. No
 * controller handles it, so {@link ConsolePages} never sees it and the API's handler,
 * which answers for every handler, would send its JSON problem: this goes before Spring
 * MVC's resolvers, for the console's paths only; {@code /api/**} keeps its problem.
 */
@Component
class ConsoleNotFound implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException)
				|| !ConsolePaths.isConsole(request)) {
			return null;
		}
		ModelAndView page = new ModelAndView("console/error", HttpStatus.NOT_FOUND);
		page.addObject("status", HttpStatus.NOT_FOUND.value());
		page.addObject("reason", "There is no page at " + request.getRequestURI() + ".");
		page.addObject("user", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
		return page;
	}

	/** Before Spring MVC's own resolvers (order 0), where the API's handler sits. */
	@Override
	public int getOrder() {
		return -1;
	}

}
