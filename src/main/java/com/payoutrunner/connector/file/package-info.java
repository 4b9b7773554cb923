/**
 * Bank files: the SEPA pain.001.001.09 and NACHA CCD writers, the outbox (atomic, named
 * by batch reference, never replaced) and the step that writes one file per file-routed
 * batch. Exposed to the run as the named interface {@code bank-files}.
 */
@NamedInterface("bank-files")
package com.payoutrunner.connector.file;

import org.springframework.modulith.NamedInterface;
