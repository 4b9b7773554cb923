package com.payoutrunner.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.ledger.Ledger;

/**
 * One home for a payout's transitions: {@link PayoutLifecycle} alone makes them, with
 * their hold and audit consequences. No class but {@link PayoutStatusWrites} changes
 * {@code payouts.status}, and only the lifecycle calls it; no class but the lifecycle
 * moves a hold or writes a payout's audit event. The one exception is a payout's birth in
 * {@code requests/PayoutCreation}: inserting a payout with its first status is not a
 * transition, and its hold is placed and its {@code payout_created} event written with
 * that insert (a CSV import's payouts have no hold).
 */
class PayoutLifecycleGuardTests {

	private static final Pattern STATUS_UPDATE = Pattern
		.compile("UPDATE\\s+payouts\\b[^;]*?\\bSET\\b[^;]*?\\bstatus\\s*=", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern HOLD_WRITE = Pattern.compile("(UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+holds\\b",
			Pattern.CASE_INSENSITIVE);

	/** The ledger's methods that change no hold: anyone may call them. */
	private static final Set<String> LEDGER_READS_AND_CREDITS = Set.of("balance", "balances", "activeHolds", "credit");

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("com.payoutrunner");

	@Test
	void onlyPayoutStatusWritesUpdatesAPayoutsStatus() throws IOException {
		assertThat(sourcesMatching(STATUS_UPDATE)).containsExactly("PayoutStatusWrites.java");
	}

	@Test
	void onlyTheLedgerWritesHolds() throws IOException {
		assertThat(sourcesMatching(HOLD_WRITE)).containsExactly("Ledger.java");
	}

	@Test
	void onlyTheLifecycleUsesPayoutStatusWrites() {
		Set<String> users = new TreeSet<>();
		MAIN.get(PayoutStatusWrites.class)
			.getDirectDependenciesToSelf()
			.forEach(dependency -> users.add(topLevel(dependency.getOriginClass())));
		users.remove("PayoutStatusWrites");

		assertThat(users).containsExactly("PayoutLifecycle");
	}

	@Test
	void onlyTheLifecycleMovesHoldsButACreatedPayoutsFirstHold() {
		Set<String> callers = callersOutsideTheLifecycle(Ledger.class);
		callers.removeIf(call -> LEDGER_READS_AND_CREDITS.stream().anyMatch(read -> call.endsWith("." + read)));

		assertThat(callers).containsExactly("PayoutCreation.placeHold");
	}

	@Test
	void onlyTheLifecycleAuditsAPayoutButItsCreation() {
		Set<String> callers = callersOutsideTheLifecycle(AuditTrail.class);
		callers.removeIf(call -> !call.endsWith(".payoutEvents"));

		assertThat(callers).containsExactly("PayoutCreation.payoutEvents");
	}

	/**
	 * "Caller.method" for each call to the class's methods from outside it and the
	 * lifecycle.
	 */
	private static Set<String> callersOutsideTheLifecycle(Class<?> target) {
		Set<String> callers = new TreeSet<>();
		MAIN.get(target)
			.getMethodCallsToSelf()
			.forEach(call -> callers.add(topLevel(call.getOriginOwner()) + "." + call.getName()));
		callers.removeIf(call -> call.startsWith(target.getSimpleName() + ".")
				|| call.startsWith(PayoutLifecycle.class.getSimpleName() + "."));
		return callers;
	}

	/** A nested class (a record, a lambda's owner) counts as the class it is in. */
	private static String topLevel(JavaClass owner) {
		String name = owner.getName();
		return name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", "");
	}

	private static List<String> sourcesMatching(Pattern pattern) throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			return sources.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> pattern.matcher(read(path)).find())
				.map(path -> path.getFileName().toString())
				.toList();
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
