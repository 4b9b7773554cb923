package com.payoutrunner.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of canonical texts that hold an account number or IBAN (an API
 * payout request, an imported CSV row): {@code hmac:v1:<hex HMAC-SHA256>}. A plain
 * SHA-256 of such a low-entropy text can be reversed by guessing the account, which would
 * defeat the encryption of the account columns; an HMAC cannot be recomputed without the
 * key.
 * <p>
 * The key is derived from the encryption key ({@link #derivedFrom}) rather than being the
 * encryption key itself, so that one secret never serves two purposes: HKDF-Expand (RFC
 * 5869) with the encryption key as the pseudorandom key (it is already 32 random bytes,
 * so the Extract step is skipped, as section 3.3 allows) and {@value #DERIVATION_INFO} as
 * the info. No other fingerprint is ever computed under the encryption key.
 * <p>
 * A stored value without the prefix is a plain SHA-256 written before fingerprints were
 * keyed; {@link #matches} compares it as such, so an old request replays and an old row
 * re-imports unchanged.
 * <p>
 * Thread-safe: each thread keeps its own {@link Mac} (the JDK's are not shareable).
 */
public final class Fingerprints {

	public static final String PREFIX = "hmac:v1:";

	/** The label of the derived key: a new purpose gets a new label, never this key. */
	static final String DERIVATION_INFO = "payout-runner fingerprints v1";

	private static final String HMAC_SHA256 = "HmacSHA256";

	private static final int KEY_BYTES = 32;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	/** Fingerprints under this key itself (32 bytes); see {@link #derivedFrom}. */
	public Fingerprints(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException(
					"a fingerprint key has 32 bytes, got " + (key == null ? "none" : key.length));
		}
		this.key = new SecretKeySpec(key.clone(), HMAC_SHA256);
		this.macs = ThreadLocal.withInitial(() -> newMac(this.key));
	}

	/** Fingerprints under a key derived from the encryption key, never under it. */
	public static Fingerprints derivedFrom(byte[] encryptionKey) {
		return new Fingerprints(hkdfExpand(encryptionKey, DERIVATION_INFO.getBytes(StandardCharsets.UTF_8)));
	}

	/** The fingerprint to store for a canonical text. */
	public String of(String canonical) {
		return PREFIX + HexFormat.of().formatHex(macs.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Whether a stored fingerprint is the one of this canonical text: keyed, or a legacy
	 * plain SHA-256 (no prefix). {@code null} matches nothing. Compared in constant time.
	 */
	public boolean matches(String stored, String canonical) {
		if (stored == null) {
			return false;
		}
		String expected = stored.startsWith(PREFIX) ? of(canonical) : Sha256.hex(canonical);
		return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * HKDF-Expand (RFC 5869) of one block: {@code T(1) = HMAC(prk, info | 0x01)}, 32
	 * bytes.
	 */
	static byte[] hkdfExpand(byte[] prk, byte[] info) {
		if (prk == null || prk.length < KEY_BYTES) {
			throw new IllegalArgumentException(
					"a key to derive from has at least 32 bytes, got " + (prk == null ? "none" : prk.length));
		}
		Mac mac = newMac(new SecretKeySpec(prk, HMAC_SHA256));
		mac.update(info);
		mac.update((byte) 1);
		return mac.doFinal();
	}

	private static Mac newMac(SecretKeySpec key) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA256);
			mac.init(key);
			return mac;
		}
		catch (InvalidKeyException ex) {
			throw new IllegalArgumentException("HMAC-SHA256 refuses the key", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this JDK offers no HmacSHA256", ex);
		}
	}

}
