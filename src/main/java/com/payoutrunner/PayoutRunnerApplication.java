package com.payoutrunner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.payoutrunner.cli.PayoutRunnerCli;

/**
 * Entry point: the operators' command line; each command starts the application context
 * it needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayoutRunnerApplication {

	public static void main(String[] args) {
		System.exit(PayoutRunnerCli.execute(args));
	}

}
