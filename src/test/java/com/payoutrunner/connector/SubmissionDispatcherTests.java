package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.payoutrunner.connector.SubmissionOutcome.Status;

class SubmissionDispatcherTests {

	final FakeBank bank = new FakeBank();

	final List<Duration> waits = new ArrayList<>();

	final SubmissionDispatcher dispatcher = new SubmissionDispatcher(bank, BackoffPolicy.defaults(), waits::add,
			() -> 0.5);

	@Test
	void aNewOrderIsSentOnceWithoutALookup() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.ACCEPTED);
		assertThat(bank.lookedUp).isEmpty();
		assertThat(bank.sent).containsExactly(order.idempotencyKey());
	}

	@Test
	void anOrderInDoubtThatTheBankHoldsIsAcceptedWithoutSendingAgain() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 2);
		bank.orders.put(order.idempotencyKey(), "po_1");

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().satisfies(o -> {
			assertThat(o.status()).isEqualTo(Status.ACCEPTED);
			assertThat(o.bankOrderId()).isEqualTo("po_1");
		});
		assertThat(bank.sent).isEmpty();
	}

	@Test
	void anOrderInDoubtThatTheBankDoesNotHoldIsSentAgainWithTheSameKey() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 2);

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.ACCEPTED);
		assertThat(bank.sent).containsExactly(order.idempotencyKey());
	}

	@Test
	void anOrderInDoubtStaysInDoubtWhenTheBankCannotBeAsked() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 3);
		bank.lookupWorks = false;

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.UNKNOWN);
		assertThat(bank.sent).isEmpty();
	}

	@Test
	void aFailedResendOfAnOrderInDoubtIsNotSettledAsFailed() {
		var inDoubt = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 2);
		var fresh = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.submitFailsWith = Status.FAILED;

		var outcomes = dispatcher.dispatch(List.of(inDoubt, fresh));

		Map<UUID, Status> byKey = new HashMap<>();
		outcomes.forEach(o -> byKey.put(o.idempotencyKey(), o.status()));
		assertThat(byKey).containsEntry(inDoubt.idempotencyKey(), Status.UNKNOWN)
			.containsEntry(fresh.idempotencyKey(), Status.FAILED);
	}

	@Test
	void aRejectionFromTheBankItselfSettlesEvenAnOrderInDoubt() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 2);
		bank.rejectsFromBank = true;

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.REJECTED);
	}

	@Test
	void aTransportFailureIsTriedAgainWithTheBackoffUntilTheBankAnswers() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.transportFailures = 3;

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.ACCEPTED);
		assertThat(bank.sent).hasSize(4).containsOnly(order.idempotencyKey());
		assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
	}

	@Test
	void afterFiveRetriesATransportFailureIsTheOutcome() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.submitFailsWith = Status.FAILED;

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.FAILED);
		assertThat(bank.sent).hasSize(6);
		assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
				Duration.ofSeconds(8), Duration.ofSeconds(16));
	}

	@Test
	void aRetryAfterLongerThanTheBackoffIsHonoured() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.transportFailures = 1;
		bank.retryAfter = Duration.ofSeconds(7);

		dispatcher.dispatch(List.of(order));

		assertThat(waits).containsExactly(Duration.ofSeconds(7));
	}

	@Test
	void aRetryAfterPastTheCapLeavesTheOrderToALaterRun() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.transportFailures = 1;
		bank.retryAfter = Duration.ofHours(1);

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.FAILED);
		assertThat(waits).isEmpty();
		assertThat(bank.sent).hasSize(1);
	}

	@Test
	void aTimeoutFollowedByARefusalStaysInDoubt() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.script = new ArrayList<>(
				List.of(Status.UNKNOWN, Status.FAILED, Status.FAILED, Status.FAILED, Status.FAILED, Status.FAILED));

		var outcomes = dispatcher.dispatch(List.of(order));

		assertThat(outcomes).singleElement().extracting(SubmissionOutcome::status).isEqualTo(Status.UNKNOWN);
	}

	@Test
	void aRejectionIsNotTriedAgain() {
		var order = new PaymentOrderSubmission(UUID.randomUUID(), "{}", 1);
		bank.rejectsFromBank = true;

		dispatcher.dispatch(List.of(order));

		assertThat(bank.sent).hasSize(1);
		assertThat(waits).isEmpty();
	}

	/** A bank double: holds orders by key, records what it was asked. */
	static class FakeBank implements PaymentConnector {

		final Map<UUID, String> orders = new HashMap<>();

		final List<UUID> sent = new ArrayList<>();

		final List<UUID> lookedUp = new ArrayList<>();

		boolean lookupWorks = true;

		Status submitFailsWith;

		boolean rejectsFromBank;

		int transportFailures;

		Duration retryAfter;

		List<Status> script;

		@Override
		public String name() {
			return "fake";
		}

		@Override
		public List<SubmissionOutcome> submit(List<PaymentOrderSubmission> submissions) {
			List<SubmissionOutcome> outcomes = new ArrayList<>();
			for (var s : submissions) {
				sent.add(s.idempotencyKey());
				if (script != null && !script.isEmpty()) {
					outcomes.add(SubmissionOutcome.fromTransport(s.idempotencyKey(), script.remove(0), "timeout",
							"scripted"));
				}
				else if (transportFailures > 0) {
					transportFailures--;
					outcomes.add(SubmissionOutcome
						.fromTransport(s.idempotencyKey(), Status.FAILED, "rate_limited", "HTTP 429")
						.withRetryAfter(retryAfter));
				}
				else if (submitFailsWith != null) {
					outcomes.add(SubmissionOutcome.fromTransport(s.idempotencyKey(), submitFailsWith,
							"bank_unavailable", "down"));
				}
				else if (rejectsFromBank) {
					outcomes.add(SubmissionOutcome.fromBank(s.idempotencyKey(), Status.REJECTED, "invalid_account",
							"no such account"));
				}
				else {
					String id = orders.computeIfAbsent(s.idempotencyKey(), k -> "po_" + orders.size());
					outcomes.add(SubmissionOutcome.accepted(s.idempotencyKey(), id));
				}
			}
			return outcomes;
		}

		@Override
		public List<SubmissionOutcome> lookup(List<UUID> keys) {
			lookedUp.addAll(keys);
			return keys.stream()
				.map(key -> !lookupWorks ? SubmissionOutcome.fromTransport(key, Status.UNKNOWN, "lookup_failed", "down")
						: orders.containsKey(key) ? SubmissionOutcome.accepted(key, orders.get(key))
								: SubmissionOutcome.fromBank(key, Status.FAILED, "not_found", "no order"))
				.toList();
		}

	}

}
