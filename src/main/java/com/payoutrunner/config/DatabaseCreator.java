package com.payoutrunner.config;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Creates the configured PostgreSQL database when it does not exist yet, before anything
 * connects to it, so that a fresh server needs no manual step. It connects to the
 * server's {@code postgres} maintenance database with the configured user. An unreachable
 * server fails start-up with a message that says what to do.
 */
public class DatabaseCreator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Environment env = context.getEnvironment();
		String url = env.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql://")
				|| !env.getProperty("payout.database.create-if-missing", Boolean.class, true)) {
			return;
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().substring(1);
		String server = "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort())
				+ "/postgres";
		Properties credentials = new Properties();
		credentials.setProperty("user", env.getProperty("spring.datasource.username", "postgres"));
		credentials.setProperty("password", env.getProperty("spring.datasource.password", ""));
		credentials.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(server, credentials)) {
			if (!exists(connection, database)) {
				try (var create = connection.createStatement()) {
					create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
				}
				catch (SQLException ex) {
					if (!"42P04".equals(ex.getSQLState())) { // created meanwhile by
																// another process
						throw ex;
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new DatabaseUnavailableException("cannot reach PostgreSQL at " + uri.getHost() + ":"
					+ (uri.getPort() < 0 ? 5432 : uri.getPort()) + " as user " + credentials.getProperty("user") + " ("
					+ ex.getMessage() + "); start a server or set PAYOUTS_DB_HOST, PAYOUTS_DB_PORT, PAYOUTS_DB_USER,"
					+ " PAYOUTS_DB_PASSWORD", ex);
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, database);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
	}

	public static class DatabaseUnavailableException extends RuntimeException {

		DatabaseUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
