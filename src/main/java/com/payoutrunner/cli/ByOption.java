package com.payoutrunner.cli;

import picocli.CommandLine.Option;

/**
 * The --by option: who acts, for the audit trail and the run approval rules (a run's
 * launcher may not approve it). Names compare exactly, as the API's user names.
 */
class ByOption {

	@Option(names = "--by", paramLabel = "NAME", description = "who acts (default: the OS user, ${DEFAULT-VALUE})")
	String by = System.getProperty("user.name", "unknown");

}
