package com.payoutrunner;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The application's configuration root: every module below this package is scanned. The
 * entry point is the operators' command line ({@code cli.PayoutRunnerCli#main}), which
 * starts the application context each command needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PayoutRunnerApplication {

}
