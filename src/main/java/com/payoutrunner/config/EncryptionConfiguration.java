package com.payoutrunner.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Fingerprints;

/**
 * The cipher of account numbers and IBANs at rest, and the keyed fingerprints of the
 * texts that hold them (API requests, imported rows). Built at start-up, so a missing or
 * malformed {@code payout.encryption.key} stops the application before it reads or writes
 * a payout, with a message that says how to make a key. The fingerprint key is derived
 * from that key (see {@link Fingerprints}), so there is no second secret to keep.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

	private static final String KEY = "${payout.encryption.key:}";

	@Bean
	FieldCipher fieldCipher(@Value(KEY) String key) {
		return FieldCipher.fromBase64Key(key);
	}

	@Bean
	Fingerprints fingerprints(@Value(KEY) String key) {
		return Fingerprints.derivedFrom(FieldCipher.decodeBase64Key(key));
	}

}
