/**
 * The bank's answers to our files: pain.002 status reports and NACHA returns dropped in
 * the inbox, applied once each. Exposed to the command line and serve as the named
 * interface {@code bank-answers}.
 */
@NamedInterface("bank-answers")
package com.payoutrunner.connector.file.inbox;

import org.springframework.modulith.NamedInterface;
