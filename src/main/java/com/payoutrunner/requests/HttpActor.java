package com.payoutrunner.requests;

/**
 * Who acted on a payout over HTTP, as its {@code created_by}, approvals and audit events
 * name them: {@code api:<user name>}, through the API and the console alike, so that four
 * eyes recognise a payout's creator whichever door they come through.
 */
public final class HttpActor {

	private HttpActor() {
	}

	/** {@code api:<user name>}, or {@code api} when nobody is signed in. */
	public static String of(String userName) {
		return userName == null ? "api" : "api:" + userName;
	}

}
