package com.payoutrunner.api;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * What Tomcat answers itself, for a request it refuses before the application sees it (an
 * encoded NUL, '/' or '\' in the path, a malformed escape there): an RFC 9457 problem
 * instead of Tomcat's HTML page, which an API client cannot read. Replaces the host's
 * error report valve (Boot's, which only hides the server's details); everything the
 * application itself answers goes through {@link ErrorDispatchController} instead.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final JsonMapper json;

	ContainerErrorReports(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new ProblemReportValve(json));
			if (host instanceof StandardHost standardHost) {
				// Else the host adds its own default valve when it starts.
				standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/** After Boot's own customizer, which adds the valve this one replaces. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Writes the problem of an error no one else answered; the same guards as Tomcat's.
	 */
	public static class ProblemReportValve extends ErrorReportValve {

		private final JsonMapper json;

		ProblemReportValve(JsonMapper json) {
			this.json = json;
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			// Only an error sent (sendError) and not yet reported: an empty 4xx that an
			// application chose to send stays empty.
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(problem(status));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone, or the response is no longer ours to write.
			}
		}

		String problem(int status) {
			HttpStatus known = HttpStatus.resolve(status);
			boolean refused = status == 400;
			String type = refused ? "rejected-request" : status >= 500 ? "internal-error" : "request-failed";
			String detail = refused
					? "the request was refused before it was read: its address is malformed "
							+ "(for example an encoded NUL, '/' or '\\' in the path, or a broken escape)"
					: "the request failed with status " + status;
			return json.writeValueAsString(
					Problems.detail(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known, type, detail));
		}

	}

}
