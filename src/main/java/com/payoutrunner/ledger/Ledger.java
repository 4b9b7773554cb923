package com.payoutrunner.ledger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditDetails;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.core.Money;

/**
 * Each origin entity's balance per currency, and the holds that reserve part of it.
 * Available = balance − what active holds still reserve, and it never goes below zero: a
 * hold is placed with the balance row locked, so concurrent requests for one entity and
 * currency take turns. A hold reserves until it is settled (balance debited by what was
 * paid, the rest released: all of it when the bank paid less), cancelled, or expired by
 * the sweep; passing its expiry time alone ends nothing, since its payout may still be
 * paid. It is never settled and released for more than it holds (the database checks that
 * too). A payment returned after settlement credits back what it took.
 */
@Repository
public class Ledger {

	private static final String CREDIT = """
			INSERT INTO entity_balances (origin_entity_id, currency, balance_minor) VALUES (:entity, :currency, :amount)
			ON CONFLICT (origin_entity_id, currency)
			DO UPDATE SET balance_minor = entity_balances.balance_minor + EXCLUDED.balance_minor, updated_at = now()
			RETURNING balance_minor""";

	private static final String LOCK_BALANCE = """
			SELECT balance_minor FROM entity_balances WHERE origin_entity_id = :entity AND currency = :currency
			FOR UPDATE""";

	private static final String RESERVED = """
			SELECT coalesce(sum(amount_minor - released_minor), 0) FROM holds
			WHERE origin_entity_id = :entity AND currency = :currency AND status = 'active'""";

	private static final String PLACE = """
			INSERT INTO holds (payout_id, origin_entity_id, currency, amount_minor, expires_at)
			VALUES (:payoutId, :entity, :currency, :amount, :expiresAt)
			RETURNING id""";

	private static final String LOCK_BALANCES_OF = """
			SELECT b.balance_minor FROM entity_balances b
			WHERE (b.origin_entity_id, b.currency) IN (SELECT origin_entity_id, currency FROM holds
			                                          WHERE payout_id = ANY(CAST(:payoutIds AS bigint[])))
			ORDER BY b.origin_entity_id, b.currency
			FOR UPDATE OF b""";

	private static final String CANCELLED_HOLD = """
			SELECT origin_entity_id, currency, id, amount_minor FROM holds
			WHERE payout_id = :payoutId AND status = 'cancelled'""";

	private static final String REINSTATE = """
			UPDATE holds SET status = 'active', expires_at = :expiresAt, updated_at = now()
			WHERE id = :id AND status = 'cancelled'""";

	private static final String CANCEL = """
			UPDATE holds SET status = 'cancelled', updated_at = now()
			WHERE payout_id = :payoutId AND status = 'active' RETURNING id""";

	private static final String EXPIRE = """
			UPDATE holds SET status = 'expired', updated_at = now()
			WHERE payout_id = :payoutId AND status = 'active' AND expires_at <= :now RETURNING id""";

	private static final String SETTLE = """
			UPDATE holds SET status = 'released', settled_minor = amount_minor - :unpaid, released_minor = :unpaid,
			    updated_at = now()
			WHERE payout_id = :payoutId AND status = 'active'
			RETURNING origin_entity_id, currency, id, settled_minor""";

	private static final String RETURN = """
			UPDATE holds SET status = 'returned', updated_at = now()
			WHERE payout_id = :payoutId AND status = 'released'
			RETURNING origin_entity_id, currency, id, settled_minor""";

	/**
	 * Every balance (or one entity's), with what its active holds reserve (as RESERVED).
	 */
	private static final String BALANCES = """
			SELECT b.origin_entity_id AS entity, b.currency, b.balance_minor,
			       coalesce(sum(h.amount_minor - h.released_minor), 0) AS reserved_minor
			FROM entity_balances b
			LEFT JOIN holds h ON h.origin_entity_id = b.origin_entity_id AND h.currency = b.currency AND h.status = 'active'
			WHERE CAST(:entity AS uuid) IS NULL OR b.origin_entity_id = :entity
			GROUP BY b.origin_entity_id, b.currency, b.balance_minor
			ORDER BY b.origin_entity_id, b.currency""";

	/** The oldest active holds of each balance, with how many it has in all. */
	private static final String ACTIVE_HOLDS = """
			SELECT entity, currency, hold_id, payout_id, reserved_minor, expires_at, held_since, holds_of_balance
			FROM (SELECT origin_entity_id AS entity, currency, id AS hold_id, payout_id,
			             amount_minor - released_minor AS reserved_minor, expires_at, created_at AS held_since,
			             count(*) OVER (PARTITION BY origin_entity_id, currency) AS holds_of_balance,
			             row_number() OVER (PARTITION BY origin_entity_id, currency ORDER BY id) AS n
			      FROM holds WHERE status = 'active' AND (CAST(:entity AS uuid) IS NULL OR origin_entity_id = :entity)) h
			WHERE n <= :perBalance
			ORDER BY entity, currency, hold_id""";

	/** Debits (a positive amount) or credits back (negative) what a settlement took. */
	private static final String DEBIT = """
			UPDATE entity_balances SET balance_minor = balance_minor - :paid, updated_at = now()
			WHERE origin_entity_id = :entity AND currency = :currency""";

	/** A balance as it stands. */
	public record Balance(UUID entity, String currency, long balanceMinor, long reservedMinor) {

		public long availableMinor() {
			return balanceMinor - reservedMinor;
		}

	}

	/**
	 * An active hold: what it still reserves of its entity's balance for its payout, and
	 * how many active holds that balance has in all.
	 */
	public record ActiveHold(UUID entity, String currency, long holdId, long payoutId, long reservedMinor,
			Instant expiresAt, Instant heldSince, long holdsOfBalance) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	public Ledger(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	public Balance credit(UUID entity, Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a credit must be above zero, got " + amount);
		}
		try {
			jdbc.sql(CREDIT)
				.param("entity", entity)
				.param("currency", amount.code())
				.param("amount", amount.minorUnits())
				.query(Long.class)
				.single();
		}
		catch (org.springframework.dao.DataIntegrityViolationException overflow) {
			// The sum no longer fits the balance column (bigint minor units): the
			// client's amount, not the server's fault.
			throw new IllegalArgumentException(
					"amount: " + amount + " would take the balance of " + amount.code() + " beyond what it can hold");
		}
		return balance(entity, amount.code());
	}

	@Transactional(readOnly = true)
	public Balance balance(UUID entity, String currency) {
		long balance = jdbc
			.sql("SELECT balance_minor FROM entity_balances WHERE origin_entity_id = :entity"
					+ " AND currency = :currency")
			.param("entity", entity)
			.param("currency", currency)
			.query(Long.class)
			.optional()
			.orElse(0L);
		return new Balance(entity, currency, balance, reserved(entity, currency));
	}

	/** Every entity's balances (or only this entity's when not null), per currency. */
	@Transactional(readOnly = true)
	public java.util.List<Balance> balances(UUID entity) {
		return jdbc.sql(BALANCES)
			.param("entity", entity)
			.query((rs, n) -> new Balance(rs.getObject("entity", UUID.class), rs.getString("currency"),
					rs.getLong("balance_minor"), rs.getLong("reserved_minor")))
			.list();
	}

	/**
	 * The active holds of every balance (or this entity's), oldest first, at most
	 * {@code perBalance} of each.
	 */
	@Transactional(readOnly = true)
	public java.util.List<ActiveHold> activeHolds(UUID entity, int perBalance) {
		return jdbc.sql(ACTIVE_HOLDS)
			.param("entity", entity)
			.param("perBalance", perBalance)
			.query((rs, n) -> new ActiveHold(rs.getObject("entity", UUID.class), rs.getString("currency"),
					rs.getLong("hold_id"), rs.getLong("payout_id"), rs.getLong("reserved_minor"),
					rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("held_since").toInstant(),
					rs.getLong("holds_of_balance")))
			.list();
	}

	/**
	 * Reserves the amount for the payout, in the caller's transaction.
	 * @throws InsufficientFundsException when less is available
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long placeHold(long payoutId, UUID entity, Money amount, Instant expiresAt, String actor) {
		requireAvailable(entity, amount);
		long holdId = jdbc.sql(PLACE)
			.param("payoutId", payoutId)
			.param("entity", entity)
			.param("currency", amount.code())
			.param("amount", amount.minorUnits())
			.param("expiresAt", java.sql.Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		audit.event("hold", Long.toString(holdId), "hold_placed", AuditCategory.FINANCIAL, "info", actor, null,
				AuditDetails.of("payout_id", payoutId, "amount", amount.toString()));
		return holdId;
	}

	/**
	 * Reserves again the money of a hold that was cancelled (a payout taken back out of
	 * the dead-letter queue), until {@code expiresAt}, in the caller's transaction.
	 * @return false when the payout has no cancelled hold (a liquidation event's payout)
	 * @throws InsufficientFundsException when less is available now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reinstateHold(long payoutId, Instant expiresAt, String actor) {
		var hold = jdbc.sql(CANCELLED_HOLD).param("payoutId", payoutId).query(Ledger::holdChange).optional();
		if (hold.isEmpty()) {
			return false;
		}
		HoldChange cancelled = hold.get();
		requireAvailable(cancelled.entity(), Money.ofMinor(cancelled.minor(), cancelled.currency()));
		jdbc.sql(REINSTATE)
			.param("id", cancelled.holdId())
			.param("expiresAt", java.sql.Timestamp.from(expiresAt))
			.update();
		audit.event("hold", Long.toString(cancelled.holdId()), "hold_reinstated", AuditCategory.FINANCIAL, "info",
				actor, null, AuditDetails.of("payout_id", payoutId, "amount_minor", cancelled.minor()));
		return true;
	}

	/**
	 * Locks, in key order, the balances the holds of these payouts draw on: a caller that
	 * moves many holds (a statement) takes them all up front, so that two such callers
	 * cannot deadlock on each other's balances.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockBalancesOf(java.util.List<Long> payoutIds) {
		if (!payoutIds.isEmpty()) {
			jdbc.sql(LOCK_BALANCES_OF).param("payoutIds", payoutIds.toArray(Long[]::new)).query(Long.class).list();
		}
	}

	/** Locks the balance row (concurrent holds take turns) and checks what is free. */
	private void requireAvailable(UUID entity, Money amount) {
		Optional<Long> balance = jdbc.sql(LOCK_BALANCE)
			.param("entity", entity)
			.param("currency", amount.code())
			.query(Long.class)
			.optional();
		long available = balance.orElse(0L) - reserved(entity, amount.code());
		if (balance.isEmpty() || available < amount.minorUnits()) {
			throw new InsufficientFundsException(amount, Money.ofMinor(Math.max(0, available), amount.code()));
		}
	}

	/** Gives the reserved money back (cancellation, rejection, permanent failure). */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean cancelHold(long payoutId, String actor) {
		return ended(jdbc.sql(CANCEL).param("payoutId", payoutId).query(Long.class).optional(), "hold_cancelled",
				payoutId, actor);
	}

	/**
	 * Ends a hold whose expiry time has passed (the sweep decides whether its payout
	 * allows that); a hold is never expired before its time.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean expireHold(long payoutId, Instant now, String actor) {
		return ended(jdbc.sql(EXPIRE)
			.param("payoutId", payoutId)
			.param("now", java.sql.Timestamp.from(now))
			.query(Long.class)
			.optional(), "hold_expired", payoutId, actor);
	}

	/**
	 * The payout settled: the balance is debited by the hold less {@code unpaidMinor},
	 * what the bank did not pay (0 when it paid in full), and that part is released,
	 * available again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean settleHold(long payoutId, long unpaidMinor, String actor) {
		if (unpaidMinor < 0) {
			throw new IllegalArgumentException("payout " + payoutId + ": unpaid " + unpaidMinor + " is below zero");
		}
		var held = jdbc.sql(SETTLE)
			.param("payoutId", payoutId)
			.param("unpaid", unpaidMinor)
			.query(Ledger::holdChange)
			.optional();
		held.ifPresent(hold -> {
			audit.event("hold", Long.toString(hold.holdId()), "hold_released", AuditCategory.FINANCIAL,
					unpaidMinor > 0 ? "warning" : "info", actor, null, AuditDetails.of("payout_id", payoutId,
							"settled_minor", hold.minor(), "released_minor", unpaidMinor));
			debit(hold, hold.minor());
		});
		return held.isPresent();
	}

	/**
	 * The bank returned a payment after it settled: what the settlement debited is
	 * credited back and the hold is marked returned.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean returnSettledHold(long payoutId, String actor) {
		var returned = jdbc.sql(RETURN).param("payoutId", payoutId).query(Ledger::holdChange).optional();
		returned.ifPresent(hold -> {
			audit.event("hold", Long.toString(hold.holdId()), "hold_returned", AuditCategory.FINANCIAL, "warning",
					actor, null, AuditDetails.of("payout_id", payoutId, "credited_minor", hold.minor()));
			debit(hold, -hold.minor());
		});
		return returned.isPresent();
	}

	private void debit(HoldChange hold, long minor) {
		jdbc.sql(DEBIT).param("paid", minor).param("entity", hold.entity()).param("currency", hold.currency()).update();
	}

	/** Columns: entity, currency, hold id, and the amount the statement is about. */
	private static HoldChange holdChange(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new HoldChange(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4));
	}

	/** A hold as a settlement or return changed it; {@code minor} is what moved. */
	private record HoldChange(UUID entity, String currency, long holdId, long minor) {
	}

	private boolean ended(Optional<Long> hold, String action, long payoutId, String actor) {
		hold.ifPresent(holdId -> audit.event("hold", Long.toString(holdId), action, AuditCategory.FINANCIAL, "info",
				actor, null, AuditDetails.of("payout_id", payoutId)));
		return hold.isPresent();
	}

	/** What the entity's active holds reserve, whatever their expiry time. */
	private long reserved(UUID entity, String currency) {
		return jdbc.sql(RESERVED).param("entity", entity).param("currency", currency).query(Long.class).single();
	}

}
