package com.payoutrunner.console;

/** One step of a run as its page shows it; {@code rate} is items read per second. */
public record StepRow(String name, String status, long read, long written, long skipped, String rate) {
}
