package com.payoutrunner.reconciliation;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code payout.reconciliation} (config/application.yaml).
 *
 * @param accounts our accounts at the bank, whose statements may change the ledger: IBANs
 * or account numbers (4 to 17 digits, a US account for ACH). Empty: the SEPA debtor
 * account, {@code payout.bank-files.sepa.debtor-iban}. Checked at start-up.
 */
@ConfigurationProperties("payout.reconciliation")
record ReconciliationProperties(@DefaultValue List<String> accounts) {
}
