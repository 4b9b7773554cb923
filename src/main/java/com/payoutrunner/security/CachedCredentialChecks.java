package com.payoutrunner.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful credential checks for a short while, so a client that sends HTTP
 * Basic with every request (there are no sessions) pays one bcrypt check per period, not
 * one per request (60-90 ms of CPU each). Failures are never remembered: a wrong or
 * changed password misses the cache and is checked, and fails, as before.
 *
 * <p>
 * The key is an HMAC of user and password under a key drawn at start-up and never stored,
 * so the cache holds nothing from which the password could be guessed offline.
 */
final class CachedCredentialChecks implements AuthenticationManager {

	/** Enough for every real client; an attacker filling it only empties it. */
	private static final int MAX_ENTRIES = 10_000;

	private final AuthenticationManager delegate;

	private final Duration cacheFor;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Remembered> checked = new ConcurrentHashMap<>();

	private record Remembered(Authentication authentication, Instant until) {
	}

	CachedCredentialChecks(AuthenticationManager delegate, Duration cacheFor, Clock clock) {
		this.delegate = delegate;
		this.cacheFor = cacheFor;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public Authentication authenticate(Authentication request) throws AuthenticationException {
		if (cacheFor.isZero() || !(request instanceof UsernamePasswordAuthenticationToken)
				|| request.getCredentials() == null) {
			return delegate.authenticate(request);
		}
		String cacheKey = cacheKey(request.getName(), request.getCredentials().toString());
		Instant now = clock.instant();
		Remembered remembered = checked.get(cacheKey);
		if (remembered != null && now.isBefore(remembered.until())) {
			Authentication known = remembered.authentication();
			UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken
				.authenticated(known.getPrincipal(), null, known.getAuthorities());
			result.setDetails(request.getDetails());
			return result;
		}
		Authentication result = delegate.authenticate(request);
		remember(cacheKey, result, now);
		return result;
	}

	private void remember(String cacheKey, Authentication result, Instant now) {
		if (checked.size() >= MAX_ENTRIES) {
			checked.values().removeIf(entry -> !now.isBefore(entry.until()));
			if (checked.size() >= MAX_ENTRIES) {
				checked.clear();
			}
		}
		checked.put(cacheKey, new Remembered(result, now.plus(cacheFor)));
	}

	private String cacheKey(String user, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			// The length first, so that no user/password pair can stand for another.
			mac.update((user.length() + ":" + user + ":" + password).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
