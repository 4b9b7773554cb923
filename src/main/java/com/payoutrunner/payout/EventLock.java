package com.payoutrunner.payout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * A PostgreSQL session advisory lock per liquidation event, held on its own connection
 * for as long as a process runs the event. Only one process runs an event at a time; and
 * because the database drops the lock when the holder's connection dies, a run left
 * STARTED by a killed process is known to be dead once the lock is free.
 */
@Component
public class EventLock {

	/**
	 * Namespace for this lock, so it cannot collide with other advisory locks on the
	 * database.
	 */
	private static final int NAMESPACE = 0x5041594f;

	private final DataSource dataSource;

	public EventLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A held lock; closing it releases the lock and its connection. */
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * @throws EventBusyException when another process holds the event
	 */
	public Held acquire(String event) {
		try {
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
				lock.setInt(1, NAMESPACE);
				lock.setString(2, event);
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					if (!rs.getBoolean(1)) {
						connection.close();
						throw new EventBusyException("event " + event + " is being run by another process right now");
					}
				}
			}
			return () -> release(connection, event);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot take the run lock of event " + event + ": " + ex.getMessage(), ex);
		}
	}

	private static void release(Connection connection, String event) {
		try (connection;
				PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
			unlock.setInt(1, NAMESPACE);
			unlock.setString(2, event);
			unlock.execute();
		}
		catch (SQLException ex) {
			// Closing the connection releases the lock anyway.
		}
	}

	public static class EventBusyException extends RuntimeException {

		public EventBusyException(String message) {
			super(message);
		}

	}

}
