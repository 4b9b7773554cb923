package com.payoutrunner.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.core.FieldCipher;

/**
 * The cipher of account numbers and IBANs at rest. Built at start-up, so a missing or
 * malformed {@code payout.encryption.key} stops the application before it reads or writes
 * a payout, with a message that says how to make a key.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

	@Bean
	FieldCipher fieldCipher(@Value("${payout.encryption.key:}") String key) {
		return FieldCipher.fromBase64Key(key);
	}

}
