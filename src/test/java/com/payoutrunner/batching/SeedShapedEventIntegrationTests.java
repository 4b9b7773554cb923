package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * Events in seed 002's shape: investors in 30+ countries known only by their external
 * account at the provider (no IBAN, no routing number), as the import contract allows.
 * Every investor that passes the seed's eligibility checks is paid through the bank API
 * on its rail, and the skip report holds only the seed's categories.
 */
class SeedShapedEventIntegrationTests extends PostgresIntegrationTest {

	static final Path SEED_SHAPED_EVENT = Path.of("jobs/examples/LIQ-2024-002.csv");

	static final String REQUIRED_COLUMNS = "investor_id,investor_name,country,payment_method,external_account_id,amount,currency";

	/**
	 * Investor, country, rail, rail currency, outcome: written from seed 002's routing
	 * table, not computed by the code under test.
	 */
	static final String EXPECTED = """
			INV-2-0001 | US | ACH       | USD | sent
			INV-2-0002 | US | ACH       | USD | sent
			INV-2-0003 | US | ACH       | USD | sent
			INV-2-0004 | DE | SEPA      | EUR | sent
			INV-2-0005 | FR | -         | -   | missing_external_account
			INV-2-0006 | ES | SEPA      | EUR | sent
			INV-2-0007 | NL | SEPA      | EUR | sent
			INV-2-0008 | IT | SEPA      | EUR | sent
			INV-2-0009 | AT | SEPA      | EUR | sent
			INV-2-0010 | BE | SEPA      | EUR | sent
			INV-2-0011 | IE | SEPA      | EUR | sent
			INV-2-0012 | PT | -         | -   | invalid_method
			INV-2-0013 | FI | SEPA      | EUR | sent
			INV-2-0014 | GR | SEPA      | EUR | sent
			INV-2-0015 | LU | SEPA      | EUR | sent
			INV-2-0016 | CY | SEPA      | EUR | sent
			INV-2-0017 | MT | -         | -   | missing_external_account
			INV-2-0018 | SK | SEPA      | EUR | sent
			INV-2-0019 | LT | SEPA      | EUR | sent
			INV-2-0020 | SI | SEPA      | EUR | sent
			INV-2-0021 | -  | -         | -   | missing_country
			INV-2-0022 | LV | SEPA      | EUR | sent
			INV-2-0023 | GB | BACS      | GBP | sent
			INV-2-0024 | GB | BACS      | GBP | sent
			INV-2-0025 | CA | EFT       | CAD | sent
			INV-2-0026 | CH | SIC       | CHF | sent
			INV-2-0027 | PL | ELIXIR    | PLN | sent
			INV-2-0028 | AU | BECS      | AUD | sent
			INV-2-0029 | SG | GIRO      | SGD | sent
			INV-2-0030 | IN | NEFT      | INR | sent
			INV-2-0031 | IN | NEFT      | INR | sent
			INV-2-0032 | JP | ZENGIN    | JPY | sent
			INV-2-0033 | JP | -         | -   | invalid_method
			INV-2-0034 | DK | NETS      | DKK | sent
			INV-2-0035 | NZ | BECS      | NZD | sent
			INV-2-0036 | NO | NICS      | NOK | sent
			INV-2-0037 | HK | CHATS     | HKD | sent
			INV-2-0038 | SE | BANKGIROT | SEK | sent
			INV-2-0039 | RO | SENT      | RON | sent
			INV-2-0040 | MX | -         | -   | invalid_amount
			INV-2-0041 | IL | MASAV     | ILS | sent
			INV-2-0042 | ID | SKNBI     | IDR | sent
			INV-2-0043 | HU | ICS       | HUF | sent
			INV-2-0044 | BR | ACH       | USD | sent
			INV-2-0045 | AE | WIRE      | USD | sent
			INV-2-0046 | KR | ACH       | USD | sent
			INV-2-0047 | ZA | -         | -   | invalid_amount
			INV-2-0048 | AR | ACH       | USD | sent
			INV-2-0049 | TR | WIRE      | USD | sent
			INV-2-0050 | NG | ACH       | USD | sent
			INV-2-0051 | CL | WIRE      | USD | sent
			INV-2-0052 | DE | SEPA      | EUR | sent
			INV-2-0053 | FR | SEPA      | EUR | sent
			INV-2-0054 | ES | SEPA      | EUR | sent
			INV-2-0055 | IT | SEPA      | EUR | sent
			INV-2-0056 | NL | SEPA      | EUR | sent
			INV-2-0057 | US | ACH       | USD | sent
			INV-2-0058 | CA | EFT       | CAD | sent
			INV-2-0059 | AU | BECS      | AUD | sent
			INV-2-0060 | GB | BACS      | GBP | sent
			INV-2-0061 | JP | ZENGIN    | JPY | sent
			INV-2-0062 | SG | GIRO      | SGD | sent
			INV-2-0063 | CH | SIC       | CHF | sent
			INV-2-0064 | SE | BANKGIROT | SEK | sent
			""";

	/** Foreign investors banking in the US (has_us_bank_account: Mercury, Wise). */
	static final List<String> BANKING_IN_THE_US = List.of("INV-2-0044", "INV-2-0046", "INV-2-0048", "INV-2-0050");

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Autowired
	JsonMapper json;

	@TempDir
	Path dir;

	@Test
	void theSeedShapedEventPaysEveryEligibleInvestorThroughTheBankApiOnItsRail() throws Exception {
		String event = events.file("SEED", SEED_SHAPED_EVENT);

		RunSummary summary = summaries.summarize(runs.run(event).execution());

		assertThat(outcomes(event)).isEqualTo(expected(Map.of()));
		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.created()).isEqualTo(57);
		assertThat(summary.skipped()).isEqualTo(7);
		assertThat(summary.failed()).isZero();
		assertThat(summary.skipBreakdown()).containsExactlyInAnyOrderEntriesOf(Map.of("missing_external_account", 2L,
				"invalid_method", 2L, "missing_country", 1L, "invalid_amount", 2L));
		assertThat(db.invariantViolations(event)).isEmpty();
		assertThat(externalAccountsSentToTheBank(event)).as("each order addresses its investor's external account")
			.isEqualTo(externalAccountsOfPaidInvestors(event));

		RunSummary rerun = summaries.summarize(runs.rerun(event).execution());
		assertThat(rerun.created()).as("a rerun pays no one twice").isZero();
		assertThat(rerun.skipBreakdown()).containsEntry("existing_payment_order", 57L);
		assertThat(db.bankOrders(event)).isEqualTo(57);
	}

	@Test
	void withOnlyTheRequiredColumnsTheSameInvestorsArePaidAndThoseBankingInTheUsGoByWire() throws Exception {
		Path file = dir.resolve("required-columns-only.csv");
		Files.write(file,
				Files.readAllLines(SEED_SHAPED_EVENT)
					.stream()
					.map(line -> line.substring(0, line.lastIndexOf(',')))
					.toList());
		assertThat(Files.readAllLines(file).get(0)).isEqualTo(REQUIRED_COLUMNS);
		String event = events.file("SEEDREQ", file);

		runs.run(event);

		// Without has_us_bank_account nothing says they bank in the US: their countries
		// are not in the rail table, so the international wire in USD pays them.
		Map<String, String> byWire = new HashMap<>();
		BANKING_IN_THE_US.forEach(investor -> byWire.put(investor, "WIRE"));
		assertThat(outcomes(event)).isEqualTo(expected(byWire));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing_external_account | S-1,Ana Lima,PT,Wire,,1500.00,USD               | external_account_id is empty
					invalid_method           | S-1,Ana Lima,PT,Crypto,ea_s1,1500.00,USD        | payment method 'Crypto' is not accepted (ACH or Wire)
					missing_country          | S-1,Ana Lima,,Wire,ea_s1,1500.00,USD            | country is empty
					invalid_amount           | S-1,Ana Lima,PT,Wire,ea_s1,0.00,USD             | amount 0.00 USD is not above zero
					invalid_amount           | S-1,Ana Lima,PT,Wire,ea_s1,,USD                 | amount is missing
					""")
	void eachSeedCategoryIsReportedFromRequiredColumnsAlone(String category, String row, String reason)
			throws Exception {
		Path file = dir.resolve("event.csv");
		Files.writeString(file, REQUIRED_COLUMNS + "\n" + row + "\nS-2,Ben Okoro,KE,ACH,ea_s2,800.00,USD\n");
		String event = events.file("SEEDCAT", file);

		RunSummary summary = summaries.summarize(runs.run(event).execution());

		assertThat(summary.created()).as("the good row is paid, by wire: KE has no local rail").isEqualTo(1);
		assertThat(summary.skipBreakdown()).containsExactlyEntriesOf(Map.of(category, 1L));
		assertThat(Files.readAllLines(Path.of(summary.skipReport()))).element(1)
			.asString()
			.contains(",S-1," + category + "," + reason + ",");
		assertThat(outcomes(event)).containsEntry("S-2", "KE | WIRE | USD | sent");
	}

	/** Investor → "country | rail | rail currency | outcome" as the database has it. */
	private Map<String, String> outcomes(String event) {
		return jdbc.sql("""
				SELECT p.investor_id, coalesce(p.country, '-') AS country, coalesce(l.rail, '-') AS rail,
				       coalesce(l.rail_currency, '-') AS rail_currency,
				       CASE WHEN p.status = 'pending' THEN s.category ELSE p.status END AS outcome
				FROM payouts p
				LEFT JOIN payout_batch_lines l ON l.payout_id = p.id
				LEFT JOIN LATERAL (SELECT category FROM skip_records r WHERE r.payout_id = p.id
				                   ORDER BY r.id DESC LIMIT 1) s ON true
				WHERE p.liquidation_event_id = :event""")
			.param("event", event)
			.query((rs, n) -> Map.entry(rs.getString("investor_id"),
					String.join(" | ", rs.getString("country"), rs.getString("rail"), rs.getString("rail_currency"),
							rs.getString("outcome"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Map<String, String> expected(Map<String, String> railOverrides) {
		return EXPECTED.lines()
			.map(line -> line.split("\\|"))
			.collect(Collectors.toMap(cells -> cells[0].trim(), cells -> {
				String investor = cells[0].trim();
				String rail = railOverrides.getOrDefault(investor, cells[2].trim());
				return String.join(" | ", cells[1].trim(), rail, cells[3].trim(), cells[4].trim());
			}));
	}

	private Map<String, String> externalAccountsSentToTheBank(String event) {
		return jdbc.sql("""
				SELECT p.investor_id, s.request_body FROM payment_submissions s
				JOIN payout_batch_lines l ON l.id = s.batch_line_id JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event""")
			.param("event", event)
			.query((rs, n) -> Map.entry(rs.getString(1),
					json.readTree(rs.getString(2)).path("beneficiary").path("external_account_id").asString()))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Map<String, String> externalAccountsOfPaidInvestors(String event) throws Exception {
		Map<String, String> accounts = new HashMap<>();
		for (String line : Files.readAllLines(SEED_SHAPED_EVENT).subList(1, 65)) {
			String[] cells = line.split(",", -1);
			if (expected(Map.of()).get(cells[0]).endsWith("sent")) {
				accounts.put(cells[0], cells[4]);
			}
		}
		return accounts;
	}

}
