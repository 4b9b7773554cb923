package com.payoutrunner.housekeeping;

import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;

import com.payoutrunner.batching.DeadRunRecovery;
import com.payoutrunner.connector.file.inbox.BankInbox;
import com.payoutrunner.reconciliation.StatementInbox;
import com.payoutrunner.requests.HoldExpiry;
import com.payoutrunner.requests.PayoutApprovals;

class ServeSweepsTests {

	@Test
	void everySweepRunsInItsOrderEvenWhenOneFails() {
		DeadRunRecovery deadRuns = mock(DeadRunRecovery.class);
		PayoutApprovals approvals = mock(PayoutApprovals.class);
		HoldExpiry holds = mock(HoldExpiry.class);
		BankInbox bankAnswers = mock(BankInbox.class);
		StatementInbox statements = mock(StatementInbox.class);
		doThrow(new IllegalStateException("database gone")).when(holds).sweep();

		new ServeSweeps(deadRuns, approvals, holds, bankAnswers, statements).sweepAll();

		var order = inOrder(deadRuns, approvals, holds, bankAnswers, statements);
		order.verify(deadRuns).sweep();
		order.verify(approvals).expire();
		order.verify(holds).sweep();
		order.verify(bankAnswers).processAll();
		order.verify(statements).processAll();
	}

}
