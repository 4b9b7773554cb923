package com.payoutrunner.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.PayoutRunnerApplication;
import com.payoutrunner.batching.GracefulStopListener;
import com.payoutrunner.housekeeping.ServeSweeps;
import com.payoutrunner.schedule.ScheduleRegistrar;

@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Runs the scheduler (jobs/schedules.yaml) and the operators' REST API until stopped.",
				"Start-up checks the schedules file (a bad cron, zone, job or parameter stops it), registers the "
						+ "schedules in the shared job store, and resumes runs a dead process left running "
						+ "(payout.recovery: restart, or fail to leave them to an operator).",
				"Several instances on one database share the schedules: each slot runs once.",
				"Every 30 s: dead runs are resumed, approval requests and holds expire, and the files the bank "
						+ "drops are applied (pain.002 and ACH returns in payout.bank-files.inbox, statements in "
						+ "payout.bank-files.statement-inbox).",
				"SIGTERM: the scheduler stops taking fires, running jobs stop at their next chunk boundary "
						+ "(STOPPED, restartable), then the process exits." })
class ServeCommand implements java.util.concurrent.Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

	Scheduler scheduler;

	ScheduleRegistrar scheduleRegistrar;

	ServeSweeps sweeps;

	GracefulStopListener gracefulStop;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(Scheduler scheduler, ScheduleRegistrar scheduleRegistrar, ServeSweeps sweeps,
			GracefulStopListener gracefulStop) {
		this.scheduler = scheduler;
		this.scheduleRegistrar = scheduleRegistrar;
		this.sweeps = sweeps;
		this.gracefulStop = gracefulStop;
	}

	@Option(names = "--port",
			description = "HTTP port (default: server.port, SERVER_PORT, else 8080; 0 picks a free one)")
	Integer port;

	@Option(names = "--address",
			description = "address to listen on (default: server.address, SERVER_ADDRESS, else 127.0.0.1); "
					+ "another than loopback is refused while demo users or the demo key are configured")
	String address;

	@Option(names = "--no-scheduler", description = "serve the API only; this instance takes no scheduled fires")
	boolean noScheduler;

	@Override
	public Integer call() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PayoutRunnerApplication.class)
			.web(WebApplicationType.SERVLET)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// Closed by the hook below, after running jobs have stopped.
			.registerShutdownHook(false)
			// As arguments, so that they win over application.yaml (which keeps one-off
			// commands off the web).
			.run(springArguments());
		context.getAutowireCapableBeanFactory().autowireBean(this);
		var changes = scheduleRegistrar.register();
		sweeps.start();
		if (!noScheduler) {
			scheduler.start();
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				sweeps.close();
				// Waits for fires in progress: their jobs are being stopped at a chunk
				// boundary by their own hooks (GracefulStopListener).
				scheduler.shutdown(true);
				// Runs launched through the API stop the same way; the database stays
				// open until they have.
				if (!gracefulStop.awaitNoRunningJobs(Duration.ofMinutes(2))) {
					log.error("runs were still going after 2 minutes; they will need a restart");
				}
			}
			catch (Exception ex) {
				log.warn("scheduler shutdown: {}", ex.getMessage());
			}
			finally {
				context.close();
				stopped.countDown();
			}
		}, "serve-shutdown"));
		System.out.println("payout-runner serving on " + boundUrl(context) + " (API /api, health /actuator/health); "
				+ (noScheduler ? "scheduler off" : "scheduler on") + "; schedules: " + changes.added() + " added, "
				+ changes.replaced() + " replaced, " + changes.unchanged() + " unchanged, " + changes.removed()
				+ " removed");
		System.out.flush();
		stopped.await();
		return PayoutRunnerCli.COMPLETED;
	}

	/**
	 * As arguments, so that they win over application.yaml (which keeps one-off commands
	 * off the web); address and port only when given, so that server.address and
	 * server.port (SERVER_PORT...) apply otherwise.
	 */
	String[] springArguments() {
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=servlet"));
		if (port != null) {
			arguments.add("--server.port=" + port);
		}
		if (address != null) {
			arguments.add("--server.address=" + address);
		}
		return arguments.toArray(String[]::new);
	}

	/** Where the server really listens: the configured address, the bound port. */
	private static String boundUrl(ConfigurableApplicationContext context) {
		String host = context.getEnvironment().getProperty("server.address", "");
		if (host.isBlank()) {
			host = "0.0.0.0";
		}
		if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		int bound = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http" + (context.getEnvironment().getProperty("server.ssl.bundle", "").isBlank() ? "" : "s") + "://"
				+ host + ":" + bound;
	}

}
