package com.payoutrunner.schedule;

import java.util.List;

/**
 * jobs/schedules.yaml cannot be used: every problem found, one per line, each naming the
 * file, the line and the schedule ("jobs/schedules.yaml line 12: schedule 'daily-normal':
 * unknown time zone 'Europe/Pariss'"), so that one start-up shows them all.
 */
public class SchedulesFileException extends RuntimeException {

	private final List<String> problems;

	public SchedulesFileException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
