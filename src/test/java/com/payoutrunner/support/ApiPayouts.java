package com.payoutrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.core.Money;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.requests.PayoutCreation;

/**
 * Payouts from the API for one test: an origin entity with money on its balance, in an
 * origin module of its own, so that a scheduled run of that module pays its payouts and
 * no other test's (scheduled runs read every open payout of their modules).
 */
public class ApiPayouts {

	/** An origin entity and the module its payouts come from. */
	public record Entity(UUID id, String module) {

		/** A payout request of this entity (EUR 100.00 to a Portuguese IBAN). */
		public ApiPayoutRequest payout() {
			return ApiPayoutRequest.anApiPayout(id, module);
		}

	}

	private final PayoutCreation creation;

	private final Ledger ledger;

	private final PayoutRunOperations runs;

	private final JsonMapper json;

	ApiPayouts(PayoutCreation creation, Ledger ledger, PayoutRunOperations runs, JsonMapper json) {
		this.creation = creation;
		this.ledger = ledger;
		this.runs = runs;
		this.json = json;
	}

	/**
	 * A new entity credited with this many EUR, in a new module named from the prefix.
	 */
	public Entity fundedEntity(String modulePrefix, String eur) {
		Entity entity = new Entity(UUID.randomUUID(),
				modulePrefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
		ledger.credit(entity.id(), Money.parse(eur, Currency.getInstance("EUR")));
		return entity;
	}

	/** Created as the API would, by {@code api:test}; the payout's id. */
	public long create(ApiPayoutRequest request) {
		return request.createWith(creation, json);
	}

	/**
	 * A slot of a schedule that reads only this module, on this business date, run to
	 * completion.
	 */
	public PayoutRunOperations.Result runSlot(String module, LocalDate businessDate) throws Exception {
		var run = runs.runSlot(new ScheduledRun("slot-of-" + module, "s" + System.nanoTime(), List.of(), List.of(),
				List.of(module), businessDate));
		assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return run;
	}

}
