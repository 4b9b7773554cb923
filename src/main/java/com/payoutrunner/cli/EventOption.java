package com.payoutrunner.cli;

import picocli.CommandLine.Option;

/** The --event option shared by the commands that act on one liquidation event. */
class EventOption {

	@Option(names = "--event", required = true, paramLabel = "EVENT",
			description = "liquidation event id, e.g. LIQ-2024-001")
	String event;

}
