package com.payoutrunner.partitioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.ConditionalRejectingErrorHandler;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.util.ErrorHandler;

/**
 * The worker's container error handler: Spring AMQP's own, which rejects a message that
 * cannot be converted without requeueing it (it would come back for ever), plus one line
 * on the operator's console saying which message was dropped; the framework's warning
 * with its stack goes to the log file only.
 */
class UnreadableRequestDrop implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequestDrop.class);

	private final WorkerIdentity identity;

	/**
	 * Composed, not extended: its own warning then logs under Spring's name (file only).
	 */
	private final ConditionalRejectingErrorHandler rejecting = new ConditionalRejectingErrorHandler();

	UnreadableRequestDrop(WorkerIdentity identity) {
		this.identity = identity;
	}

	@Override
	public void handleError(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof MessageConversionException unreadable) {
				log.warn("worker {}: dropped a message from the request queue, {}", identity.name(),
						unreadable.getMessage());
				break;
			}
		}
		rejecting.handleError(failure);
	}

}
