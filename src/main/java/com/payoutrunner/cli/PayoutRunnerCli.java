package com.payoutrunner.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The operators' command line. Exit codes: 0 the job completed (or there was nothing to
 * do), 1 it failed or was stopped, 2 bad usage or configuration; every failure prints one
 * line with the reason on stderr.
 */
@Command(name = "payout-runner", mixinStandardHelpOptions = true, version = "payout-runner 0.1.0",
		description = "Imports, runs, reruns and restarts the payout runs of liquidation events.",
		subcommands = { ImportCommand.class, RunCommand.class, RerunCommand.class, RestartCommand.class,
				StatusCommand.class, PayoutsCommand.class, SkipsCommand.class, DlqCommand.class,
				PayoutActionCommand.Retry.class, PayoutActionCommand.Cancel.class, BenchCommand.class,
				SandboxBankCommand.class, InboxCommand.class, SchedulesCommand.class, ServeCommand.class,
				ReconcileCommand.class, ExpireHoldsCommand.class, RunApprovalCommand.Approve.class,
				RunApprovalCommand.Reject.class, WorkerCommand.class, CommandLine.HelpCommand.class })
public class PayoutRunnerCli implements Runnable {

	public static final int COMPLETED = 0;

	public static final int FAILED = 1;

	public static final int USAGE = 2;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
	}

	/** The entry point of {@code java -jar payout-runner.jar}. */
	public static void main(String[] args) {
		System.exit(execute(args));
	}

	public static int execute(String... args) {
		CommandLine cli = new CommandLine(new PayoutRunnerCli());
		cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			PrintWriter err = commandLine.getErr();
			err.println("payout-runner: " + Failures.oneLine(ex));
			err.flush();
			return Failures.exitCode(ex);
		});
		int exitCode = cli.execute(args);
		ExitCodeOnShutdown.finished(exitCode);
		return exitCode;
	}

}
