package com.payoutrunner.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive columns (account numbers, IBANs) at rest with AES-256-GCM: a random
 * 96-bit IV per value, stored as {@code enc:v1:<base64(iv | ciphertext and tag)>}. The
 * tag makes a tampered value (or one encrypted under another key) fail to decrypt rather
 * than yield garbage. A value without the prefix is a plaintext written before encryption
 * existed and is returned as it is, so existing databases keep working. {@code null}
 * stays {@code null}.
 * <p>
 * Thread-safe: each thread keeps its own {@link Cipher} (the JDK's are not shareable), so
 * a million-row import pays for the provider lookup once per thread, not per value.
 */
public final class FieldCipher {

	public static final String PREFIX = "enc:v1:";

	/** How to make a key, for the messages that ask for one. */
	public static final String HOW_TO_MAKE_A_KEY = "set payout.encryption.key (environment PAYOUT_ENCRYPTION_KEY) "
			+ "to the base64 of 32 random bytes, e.g. the output of `openssl rand -base64 32`";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec key;

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(FieldCipher::newCipher);

	private final SecureRandom random = new SecureRandom();

	public FieldCipher(byte[] key) {
		if (key == null || key.length != KEY_BYTES) {
			throw new IllegalArgumentException("an AES-256 key has 32 bytes, got " + (key == null ? "none" : key.length)
					+ ": " + HOW_TO_MAKE_A_KEY);
		}
		this.key = new SecretKeySpec(key.clone(), "AES");
	}

	/**
	 * The cipher of a configured key: base64 of 32 bytes. A missing or malformed key is
	 * refused with a message that says how to make one.
	 */
	public static FieldCipher fromBase64Key(String base64) {
		return new FieldCipher(decodeBase64Key(base64));
	}

	/**
	 * The 32 bytes of a configured key (base64), for this cipher and for the keys derived
	 * from it. A missing or malformed key is refused with a message that says how to make
	 * one.
	 */
	public static byte[] decodeBase64Key(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalArgumentException("no encryption key for account numbers and IBANs: " + HOW_TO_MAKE_A_KEY);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"payout.encryption.key is not base64 (" + ex.getMessage() + "): " + HOW_TO_MAKE_A_KEY);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("payout.encryption.key decodes to " + key.length
					+ " bytes, an AES-256 key has 32: " + HOW_TO_MAKE_A_KEY);
		}
		return key;
	}

	public static boolean isEncrypted(String stored) {
		return stored != null && stored.startsWith(PREFIX);
	}

	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return PREFIX + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/**
	 * The plaintext of a stored value; a legacy plaintext (no {@value #PREFIX}) as it is.
	 * @throws TamperedValueException when the value was altered or encrypted under
	 * another key
	 */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new TamperedValueException("an encrypted value is not valid base64: " + ex.getMessage());
		}
		if (bytes.length < IV_BYTES + TAG_BITS / 8) {
			throw new TamperedValueException(
					"an encrypted value is too short (" + bytes.length + " bytes) to hold an IV and a tag");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new TamperedValueException("an encrypted value fails its authentication tag: it was altered, "
					+ "or encrypted under another payout.encryption.key");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("this JDK offers no AES/GCM/NoPadding", ex);
		}
	}

	/**
	 * A stored value that does not decrypt: altered, or encrypted under another key.
	 * Never carries the value itself.
	 */
	public static final class TamperedValueException extends RuntimeException {

		public TamperedValueException(String message) {
			super(message);
		}

	}

}
