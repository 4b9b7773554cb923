package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class FingerprintsTests {

	private static final String TEXT = "DE89370400440532013000|100.00 EUR";

	private static final byte[] KEY = new byte[32];

	private final Fingerprints fingerprints = Fingerprints.derivedFrom(KEY);

	@Test
	void theSameTextHasTheSameKeyedFingerprint() {
		assertThat(fingerprints.of(TEXT)).isEqualTo(Fingerprints.derivedFrom(KEY.clone()).of(TEXT))
			.startsWith(Fingerprints.PREFIX)
			.hasSize(Fingerprints.PREFIX.length() + 64)
			.isNotEqualTo(fingerprints.of(TEXT + " "));
	}

	@Test
	void isNotThePlainSha256() {
		assertThat(fingerprints.of(TEXT)).doesNotContain(Sha256.hex(TEXT));
	}

	@Test
	void anotherKeyGivesAnotherFingerprintThatDoesNotMatch() {
		byte[] other = KEY.clone();
		other[0] = 1;
		Fingerprints underOther = Fingerprints.derivedFrom(other);

		assertThat(underOther.of(TEXT)).isNotEqualTo(fingerprints.of(TEXT));
		assertThat(fingerprints.matches(underOther.of(TEXT), TEXT)).isFalse();
	}

	@Test
	void theKeyIsDerivedNotTheEncryptionKeyItself() {
		assertThat(fingerprints.of(TEXT)).isNotEqualTo(new Fingerprints(KEY).of(TEXT));
	}

	/**
	 * Stored fingerprints depend on the derivation and the format: a change here would
	 * make every stored request and row look changed.
	 */
	@Test
	void theDerivationAndFormatAreFixed() {
		assertThat(fingerprints.of(TEXT))
			.isEqualTo("hmac:v1:d5836f7f119ec00f8a43d154febd2713090561cfc1353f355719da4f685cf60d");
	}

	@Test
	void theDerivationIsHkdfExpand() {
		// RFC 5869, test case 1: the first 32 bytes of the OKM from its PRK and info.
		HexFormat hex = HexFormat.of();
		byte[] okm = Fingerprints.hkdfExpand(
				hex.parseHex("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"),
				hex.parseHex("f0f1f2f3f4f5f6f7f8f9"));
		assertThat(hex.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
	}

	@Test
	void matchesAKeyedFingerprintOfTheSameTextOnly() {
		assertThat(fingerprints.matches(fingerprints.of(TEXT), TEXT)).isTrue();
		assertThat(fingerprints.matches(fingerprints.of(TEXT), TEXT + " ")).isFalse();
		assertThat(fingerprints.matches(null, TEXT)).isFalse();
	}

	@Test
	void aLegacyPlainSha256StillMatchesItsText() {
		String legacy = Sha256.hex(TEXT);

		assertThat(fingerprints.matches(legacy, TEXT)).isTrue();
		assertThat(fingerprints.matches(legacy, TEXT + " ")).isFalse();
		assertThat(fingerprints.matches(Fingerprints.PREFIX + legacy, TEXT)).as("a prefixed value is never legacy")
			.isFalse();
	}

	@Test
	void refusesAShortKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Fingerprints(new byte[16]))
			.withMessageContaining("16");
		assertThatIllegalArgumentException().isThrownBy(() -> Fingerprints.derivedFrom(null))
			.withMessageContaining("none");
	}

}
