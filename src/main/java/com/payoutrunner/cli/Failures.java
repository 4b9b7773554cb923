package com.payoutrunner.cli;

import com.payoutrunner.config.DatabaseCreator;
import com.payoutrunner.core.TableFormatException;
import com.payoutrunner.payout.EventLock;
import com.payoutrunner.schedule.SchedulesFileException;

/** Turns an exception into the one line an operator reads, and the exit code. */
final class Failures {

	private Failures() {
	}

	static int exitCode(Throwable ex) {
		Throwable cause = rootOrKnown(ex);
		if (cause instanceof IllegalArgumentException || cause instanceof TableFormatException
				|| cause instanceof DatabaseCreator.DatabaseUnavailableException
				|| cause instanceof SchedulesFileException) {
			return PayoutRunnerCli.USAGE;
		}
		if (ex instanceof org.springframework.beans.factory.BeanCreationException
				|| ex instanceof org.springframework.context.ApplicationContextException
				|| ex instanceof org.springframework.boot.context.properties.bind.BindException) {
			return PayoutRunnerCli.USAGE;
		}
		return PayoutRunnerCli.FAILED;
	}

	static String oneLine(Throwable ex) {
		Throwable cause = rootOrKnown(ex);
		String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
		if (cause instanceof TableFormatException) {
			message = "bad configuration table: " + message;
		}
		if (cause instanceof SchedulesFileException schedules) {
			message = "bad schedules file: " + String.join("; ", schedules.problems());
		}
		return message.replace('\n', ' ');
	}

	/**
	 * The first exception in the chain that speaks to an operator, else the root cause.
	 */
	private static Throwable rootOrKnown(Throwable ex) {
		Throwable t = ex;
		while (true) {
			if (t instanceof TableFormatException || t instanceof SchedulesFileException
					|| t instanceof DatabaseCreator.DatabaseUnavailableException
					|| t instanceof EventLock.EventBusyException || t instanceof IllegalArgumentException) {
				return t;
			}
			if (t.getCause() == null || t.getCause() == t) {
				return t;
			}
			t = t.getCause();
		}
	}

}
