package com.payoutrunner.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests are the console's (the pages {@code serve} shows at {@code /}) rather
 * than the API's, Actuator's or the API documentation's: the console answers its own
 * errors as pages, the others as problems.
 */
public final class ConsolePaths {

	private ConsolePaths() {
	}

	public static boolean isConsole(HttpServletRequest request) {
		return ConsoleSecurityConfiguration.isConsolePath(request);
	}

}
