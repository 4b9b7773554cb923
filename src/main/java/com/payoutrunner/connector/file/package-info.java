/**
 * Bank files: the SEPA pain.001.001.09 and NACHA CCD writers, the outbox (atomic, named
 * by batch reference, never replaced) and the step that writes one file per file-routed
 * batch; {@code inbox/} reads the bank's pain.002 status reports and ACH returns.
 */
package com.payoutrunner.connector.file;
