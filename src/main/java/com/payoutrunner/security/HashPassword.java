package com.payoutrunner.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Prints the {@code {bcrypt}} hash of a password for {@code payout.security.users}. Reads
 * the password from the console (or one line of standard input), never from the command
 * line, so it stays out of shell history and process lists. See docs/security.md for how
 * to run it; {@code htpasswd -bnBC 10 "" secret | tr -d ':\n'} makes an equivalent hash.
 */
final class HashPassword {

	private HashPassword() {
	}

	public static void main(String[] args) throws IOException {
		String password = read();
		if (password == null || password.isEmpty()) {
			System.err.println("no password given");
			System.exit(2);
		}
		System.out.println("{bcrypt}" + new BCryptPasswordEncoder(10).encode(password));
	}

	private static String read() throws IOException {
		Console console = System.console();
		if (console != null) {
			char[] typed = console.readPassword("password: ");
			return (typed != null) ? new String(typed) : null;
		}
		return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
	}

}
