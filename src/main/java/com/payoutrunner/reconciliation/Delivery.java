package com.payoutrunner.reconciliation;

/**
 * Who or what delivered a statement ({@code delivered_by}), and so whether its lines that
 * give money back (settled for less, returns) apply at once or wait for a second person.
 * Only the statements inbox is trusted: it is the bank's drop folder, which the bank's
 * transfer channel writes and nobody types into. A statement posted to the API or given
 * to {@code reconcile --file} is someone's upload: what it gives back waits for
 * {@code POST /api/reconciliations/{id}/confirm} by someone else.
 *
 * @param deliveredBy {@code api:<user>} (as the API's other actors), {@code inbox}, or
 * {@code cli:<os user>}
 */
public record Delivery(String deliveredBy) {

	static final String INBOX = "inbox";

	private static final String CLI = "cli:";

	private static final String API = "api:";

	public Delivery {
		if (deliveredBy == null || deliveredBy.isBlank()) {
			throw new IllegalArgumentException("a statement's delivery must name who delivered it");
		}
	}

	public static Delivery inbox() {
		return new Delivery(INBOX);
	}

	/** The operator who ran {@code reconcile --file} on this machine. */
	public static Delivery cli(String osUser) {
		return new Delivery(CLI + (osUser == null || osUser.isBlank() ? "unknown" : osUser));
	}

	/** A user of the API, by the name they logged in with. */
	public static Delivery api(String user) {
		return new Delivery(API + user);
	}

	/** Lines that give money back apply at once. */
	boolean trusted() {
		return INBOX.equals(deliveredBy);
	}

	/**
	 * Whether the API user {@code user} is who delivered it (through the API, or the same
	 * name on the command line): such a user may not confirm it.
	 */
	boolean isBy(String user) {
		return deliveredBy.equals(API + user) || deliveredBy.equals(CLI + user);
	}

	/** How the API user {@code user} is named as the confirmer. */
	static String apiActor(String user) {
		return API + user;
	}

}
