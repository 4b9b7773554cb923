package com.payoutrunner.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The --by option: who acts, for the audit trail and the run approval rules (a run's
 * launcher may not approve it). Names compare exactly, as the API's user names; a blank
 * name is refused, as it names no one.
 */
class ByOption {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	String by = System.getProperty("user.name", "unknown");

	@Option(names = "--by", paramLabel = "NAME", description = "who acts (default: the OS user)")
	void by(String name) {
		if (name == null || name.isBlank()) {
			throw new ParameterException(spec.commandLine(), "--by must name someone");
		}
		this.by = name.strip();
	}

}
