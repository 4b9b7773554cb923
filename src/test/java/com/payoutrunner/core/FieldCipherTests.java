package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	private static final String OTHER_KEY = Base64.getEncoder()
		.encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
				24, 25, 26, 27, 28, 29, 30, 31, 32 });

	private final FieldCipher cipher = FieldCipher.fromBase64Key(KEY);

	@ParameterizedTest
	@ValueSource(strings = { "FR7630006000011234567890189", "8811372935", "", "Élodie ✓" })
	void roundTrips(String plaintext) {
		String stored = cipher.encrypt(plaintext);
		assertThat(stored).startsWith(FieldCipher.PREFIX).doesNotContain(plaintext.isEmpty() ? "\u0000" : plaintext);
		assertThat(FieldCipher.isEncrypted(stored)).isTrue();
		assertThat(cipher.decrypt(stored)).isEqualTo(plaintext);
	}

	@Test
	void aRandomIvPerValueSoEqualPlaintextsDiffer() {
		assertThat(cipher.encrypt("DE89370400440532013000")).isNotEqualTo(cipher.encrypt("DE89370400440532013000"));
	}

	@Test
	void nullStaysNull() {
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt(null)).isNull();
	}

	@Test
	void legacyPlaintextIsReadAsItIs() {
		assertThat(cipher.decrypt("DE89370400440532013000")).isEqualTo("DE89370400440532013000");
		assertThat(FieldCipher.isEncrypted("DE89370400440532013000")).isFalse();
	}

	@Test
	void refusesATamperedValue() {
		String stored = cipher.encrypt("DE89370400440532013000");
		byte[] bytes = Base64.getDecoder().decode(stored.substring(FieldCipher.PREFIX.length()));
		bytes[bytes.length / 2] ^= 1;
		String tampered = FieldCipher.PREFIX + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(FieldCipher.TamperedValueException.class)
			.hasMessageContaining("authentication tag")
			.hasMessageNotContaining("DE89");
	}

	@Test
	void refusesAMangledOrTruncatedValue() {
		assertThatThrownBy(() -> cipher.decrypt(FieldCipher.PREFIX + "not base64!"))
			.isInstanceOf(FieldCipher.TamperedValueException.class);
		assertThatThrownBy(() -> cipher.decrypt(FieldCipher.PREFIX + "AAAA"))
			.isInstanceOf(FieldCipher.TamperedValueException.class)
			.hasMessageContaining("too short");
	}

	@Test
	void refusesAValueEncryptedUnderAnotherKey() {
		String stored = FieldCipher.fromBase64Key(OTHER_KEY).encrypt("8811372935");
		assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(FieldCipher.TamperedValueException.class)
			.hasMessageContaining("another payout.encryption.key");
	}

	@Test
	void aMissingOrMalformedKeySaysHowToMakeOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> FieldCipher.fromBase64Key(null))
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalArgumentException().isThrownBy(() -> FieldCipher.fromBase64Key("  "))
			.withMessageContaining("PAYOUT_ENCRYPTION_KEY");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FieldCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("16 bytes")
			.withMessageContaining("openssl rand -base64 32");
		assertThatIllegalArgumentException().isThrownBy(() -> FieldCipher.fromBase64Key("%%%"))
			.withMessageContaining("not base64");
	}

	@Test
	void isSafeAcrossThreads() throws Exception {
		var results = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
		Thread[] threads = new Thread[8];
		for (int t = 0; t < threads.length; t++) {
			int n = t;
			threads[t] = new Thread(() -> {
				for (int i = 0; i < 500; i++) {
					String plaintext = n + "-" + i;
					if (cipher.decrypt(cipher.encrypt(plaintext)).equals(plaintext)) {
						results.add(plaintext);
					}
				}
			});
			threads[t].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(results).hasSize(8 * 500);
	}

}
