package com.payoutrunner.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code payout.*} (config/application.yaml, or environment variables such
 * as PAYOUT_CHUNK_SIZE).
 *
 * @param chunkSize payouts per chunk: per transaction, per set-based statement and per
 * bulk bank request
 * @param reportsDir where each job execution's reports go, in a folder named by its id
 * @param progressInterval how often a running step prints its progress
 * @param tables the reference tables, validated at start-up
 * @param bank the bank the submit step sends to
 * @param connectors which connector serves which rail (and currency)
 * @param sandboxBank the embedded sandbox bank's injected faults (none by default)
 * @param resubmissionDelays after the n-th failed submission of a payout, the n-th delay
 * before a later run may try again; one failure more than there are delays puts it in the
 * dead-letter queue
 * @param bankFiles where bank files go and come back, and who they say pays
 * @param schedulesFile the schedules Quartz fires (serve)
 */
@ConfigurationProperties("payout")
public record PayoutRunnerProperties(@DefaultValue("500") int chunkSize, @DefaultValue("reports") Path reportsDir,
		@DefaultValue("2s") Duration progressInterval, @DefaultValue Tables tables, @DefaultValue Bank bank,
		@DefaultValue("1m,5m,20m,1h,6h") List<Duration> resubmissionDelays, @DefaultValue SandboxBank sandboxBank,
		@DefaultValue Connectors connectors, @DefaultValue BankFiles bankFiles,
		@DefaultValue("jobs/schedules.yaml") Path schedulesFile) {

	public PayoutRunnerProperties {
		if (chunkSize < 1 || chunkSize > 10_000) {
			throw new IllegalArgumentException("payout.chunk-size must be between 1 and 10000, got " + chunkSize);
		}
		if (resubmissionDelays.isEmpty() || resubmissionDelays.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException(
					"payout.resubmission-delays must list at least one delay, none negative: " + resubmissionDelays);
		}
	}

	public record Tables(@DefaultValue("config/rails/country-rails.csv") Path countryRails,
			@DefaultValue("config/fees/fee-schedule.csv") Path feeSchedule,
			@DefaultValue("config/fx/fx-rates.csv") Path fxRates,
			@DefaultValue("config/calendars/rail-cutoffs.csv") Path railCutOffs) {
	}

	/**
	 * @param url the sandbox bank's base URL; empty: start an embedded sandbox bank on a
	 * free loopback port
	 * @param retry tries within one submission when the transport fails
	 */
	public record Bank(@DefaultValue("") String url, @DefaultValue("2s") Duration connectTimeout,
			@DefaultValue("30s") Duration requestTimeout, @DefaultValue Retry retry) {
	}

	/** Backoff between the tries of one submission (see {@code BackoffPolicy}). */
	public record Retry(@DefaultValue("5") int maxRetries, @DefaultValue("1s") Duration initialDelay,
			@DefaultValue("2.0") double multiplier, @DefaultValue("30s") Duration maxDelay,
			@DefaultValue("0.2") double jitter) {
	}

	/** Faults the embedded sandbox bank injects (see {@code SandboxBankFaults}). */
	public record SandboxBank(@DefaultValue Faults faults) {
	}

	public record Faults(@DefaultValue("0") long seed, @DefaultValue("0") double rate,
			@DefaultValue("1s") Duration retryAfter, @DefaultValue("0s") Duration slowResponse,
			@DefaultValue List<String> rejectedAccounts, @DefaultValue List<String> unknownAccounts) {
	}

	/**
	 * @param defaultConnector the connector of every rail without a route
	 * @param routes rail (and optionally currency) to connector; the most specific wins
	 */
	public record Connectors(@DefaultValue("sandbox-bank") String defaultConnector, @DefaultValue List<Route> routes) {
	}

	public record Route(String rail, String currency, String connector) {
	}

	/**
	 * @param outbox where payment files are dropped for the bank
	 * @param inbox where the bank's status reports (pain.002) and ACH return files are
	 * picked up
	 * @param statements where statements sent to the API are kept, as reconciled
	 * @param statementInbox where the bank's statements are dropped for {@code serve} to
	 * reconcile
	 */
	public record BankFiles(@DefaultValue("bank-files/outbox") Path outbox,
			@DefaultValue("bank-files/inbox") Path inbox, @DefaultValue Sepa sepa, @DefaultValue Ach ach,
			@DefaultValue("bank-files/statements") Path statements,
			@DefaultValue("bank-files/statements-inbox") Path statementInbox) {
	}

	/** The ordering company of SEPA files and its account. */
	public record Sepa(@DefaultValue("Payout Runner Fund SA") String debtorName,
			@DefaultValue("DE89370400440532013000") String debtorIban, @DefaultValue("COBADEFFXXX") String debtorBic) {
	}

	/**
	 * The NACHA file and batch headers: the receiving bank, the originating bank and
	 * company.
	 */
	public record Ach(@DefaultValue("021000021") String destinationRouting,
			@DefaultValue("JPMORGAN CHASE") String destinationName, @DefaultValue("011000015") String originRouting,
			@DefaultValue("PAYOUT RUNNER BANK") String originName, @DefaultValue("PAYOUT RUNNER") String companyName,
			@DefaultValue("1234567890") String companyId) {
	}

}
