package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What the error dispatch tells a client: a server error says nothing of its cause but
 * the correlation id the response already carries; a status no one knows is a server
 * error.
 */
class ErrorDispatchControllerTests {

	@Test
	void aServerErrorNamesOnlyItsCorrelationId() {
		MockHttpServletRequest request = errorDispatch(500);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
				new IllegalStateException("template console/runs.html: SELECT secret FROM payouts"));
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.setHeader(CorrelationIdFilter.HEADER, "c0ffee");

		ErrorDispatchController.Failure failure = ErrorDispatchController.failure(request, response);

		assertThat(failure).isEqualTo(new ErrorDispatchController.Failure(HttpStatus.INTERNAL_SERVER_ERROR,
				"internal-error", ApiProblemHandler.GENERIC, "c0ffee"));
	}

	@Test
	void aParameterTheContainerCannotReadIsTheClientsMistake() {
		MockHttpServletRequest request = errorDispatch(500);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new jakarta.servlet.ServletException(
				new org.apache.tomcat.util.http.InvalidParameterException("Character decoding failed")));

		ErrorDispatchController.Failure failure = ErrorDispatchController.failure(request,
				new MockHttpServletResponse());

		assertThat(failure.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(failure.type()).isEqualTo("rejected-request");
	}

	@Test
	void aServerErrorKeepsItsStatusAndAnUnknownOneIsA500() {
		assertThat(ErrorDispatchController.failure(errorDispatch(503), new MockHttpServletResponse()).status())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(ErrorDispatchController.failure(errorDispatch(599), new MockHttpServletResponse()).status())
			.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(ErrorDispatchController.failure(errorDispatch(499), new MockHttpServletResponse()).status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void parametersTooLargeToReadKeepTheirStatus() {
		MockHttpServletRequest request = errorDispatch(500);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
				new org.apache.tomcat.util.http.InvalidParameterException("too large", 413));

		assertThat(ErrorDispatchController.failure(request, new MockHttpServletResponse()).status())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void aClientErrorKeepsItsStatus() {
		ErrorDispatchController.Failure failure = ErrorDispatchController.failure(errorDispatch(405),
				new MockHttpServletResponse());

		assertThat(failure.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(failure.type()).isEqualTo("method-not-allowed");
		assertThat(failure.correlationId()).isNotBlank();
	}

	private static MockHttpServletRequest errorDispatch(int status) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/runs");
		return request;
	}

}
