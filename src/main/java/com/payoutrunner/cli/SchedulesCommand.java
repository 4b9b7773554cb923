package com.payoutrunner.cli;

import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.schedule.NextFireTimes;
import com.payoutrunner.schedule.ScheduleCatalog;
import com.payoutrunner.schedule.ScheduleDefinition;
import com.payoutrunner.schedule.ScheduledFire;

@Command(name = "schedules", mixinStandardHelpOptions = true,
		description = { "Checks jobs/schedules.yaml and lists every schedule with its next fire times and slots.",
				"A fire on a closed day of the schedule's calendar shows where it moved." })
class SchedulesCommand implements Callable<Integer> {

	ScheduleCatalog scheduleCatalog;

	NextFireTimes nextFireTimes;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(ScheduleCatalog scheduleCatalog, NextFireTimes nextFireTimes) {
		this.scheduleCatalog = scheduleCatalog;
		this.nextFireTimes = nextFireTimes;
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss xxx");

	@Option(names = "--next", defaultValue = "5",
			description = "how many fire times to show (default ${DEFAULT-VALUE})")
	int next;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.startWithoutJobs(this)) {
			ScheduleCatalog catalog = scheduleCatalog;
			NextFireTimes fireTimes = nextFireTimes;
			System.out.println(catalog.file() + ": " + catalog.all().size() + " schedule(s)");
			for (ScheduleDefinition schedule : catalog.all()) {
				System.out.println();
				System.out.println(schedule.name() + (schedule.enabled() ? "" : " (disabled)") + ": " + schedule.job()
						+ ", " + schedule.trigger() + " " + schedule.zone()
						+ schedule.calendar().map(calendar -> ", " + calendar + " business days").orElse("")
						+ ", misfire " + schedule.misfirePolicy().code() + ", parameters " + schedule.parameters());
				for (ScheduledFire fire : fireTimes.next(schedule, next)) {
					System.out.println("  " + TIME.format(fire.fireTime()) + "  slot " + fire.slot()
							+ (fire.moved() ? "  (moved from " + TIME.format(fire.scheduledTime()) + ")" : ""));
				}
			}
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
