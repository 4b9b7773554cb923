/**
 * Bank files. Built so far: {@link com.payoutrunner.connector.file.NachaFile} (ACH CCD
 * credits, one batch per file) and {@link com.payoutrunner.connector.file.BankFileOutbox}
 * (atomic, named by batch reference, never replaced). Not built yet: the step that writes
 * one file per file-routed batch after the batch lines are built, the ISO 20022
 * pain.001.001.09 writer, and the inbox that reads pain.002 status reports and ACH
 * returns.
 */
package com.payoutrunner.connector.file;
