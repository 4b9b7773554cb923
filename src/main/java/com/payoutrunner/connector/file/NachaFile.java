package com.payoutrunner.connector.file;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;

/**
 * A NACHA (ACH) file of CCD credits for one payout batch: file header, one batch header,
 * one entry detail per payment, batch control, file control, every record 94 characters,
 * padded with 9s to a blocking factor of 10. Pure and deterministic: the same batch and
 * creation time always give the same bytes, so writing a batch's file twice writes the
 * same file, not a second payment.
 */
final class NachaFile {

	private static final int RECORD_LENGTH = 94;

	private static final int BLOCKING_FACTOR = 10;

	private static final ABANumberCheckDigit ABA = new ABANumberCheckDigit();

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

	private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);

	/**
	 * Who sends: the originating bank (ODFI) and company. {@code destinationRouting} is
	 * the bank the file goes to.
	 */
	public record Originator(String destinationRouting, String destinationName, String originRouting, String originName,
			String companyName, String companyId) {
	}

	/** One credit: to an account at a bank (ABA routing number), in cents. */
	public record Credit(String routingNumber, String accountNumber, long amountCents, String identification,
			String receiverName) {
	}

	private NachaFile() {
	}

	/**
	 * @param batchNumber the batch's number within the file's day, 1 and up
	 * @throws IllegalArgumentException naming the credit when a routing number fails the
	 * ABA check digit or a field does not fit
	 */
	public static String write(Originator originator, long batchNumber, String entryDescription,
			LocalDate effectiveDate, LocalDateTime createdAt, List<Credit> credits) {
		requireRouting(originator.destinationRouting(), "destination");
		requireRouting(originator.originRouting(), "origin");
		String odfi = originator.originRouting().substring(0, 8);
		List<String> records = new ArrayList<>();
		records.add("1" + "01" + right(" " + originator.destinationRouting(), 10)
				+ right(" " + originator.originRouting(), 10) + YYMMDD.format(createdAt) + HHMM.format(createdAt) + "A"
				+ "094" + "10" + "1" + left(originator.destinationName(), 23) + left(originator.originName(), 23)
				+ left("", 8));
		records.add("5" + "220" + left(originator.companyName(), 16) + left("", 20) + left(originator.companyId(), 10)
				+ "CCD" + left(entryDescription, 10) + left("", 6) + YYMMDD.format(effectiveDate) + "   " + "1" + odfi
				+ zeros(batchNumber, 7));
		long entryHash = 0;
		long totalCredits = 0;
		for (int i = 0; i < credits.size(); i++) {
			Credit credit = credits.get(i);
			requireRouting(credit.routingNumber(), "credit " + (i + 1) + " (" + credit.identification() + ")");
			if (credit.amountCents() <= 0) {
				throw new IllegalArgumentException("credit " + (i + 1) + " (" + credit.identification()
						+ "): amount must be above zero, got " + credit.amountCents());
			}
			entryHash += Long.parseLong(credit.routingNumber().substring(0, 8));
			totalCredits = Math.addExact(totalCredits, credit.amountCents());
			records.add("6" + "22" + credit.routingNumber().substring(0, 8) + credit.routingNumber().charAt(8)
					+ left(credit.accountNumber(), 17) + zeros(credit.amountCents(), 10)
					+ left(credit.identification(), 15) + left(credit.receiverName(), 22) + "  " + "0" + odfi
					+ zeros(i + 1, 7));
		}
		String hash = zeros(entryHash % 10_000_000_000L, 10);
		records.add("8" + "220" + zeros(credits.size(), 6) + hash + zeros(0, 12) + zeros(totalCredits, 12)
				+ left(originator.companyId(), 10) + left("", 19) + left("", 6) + odfi + zeros(batchNumber, 7));
		int blocks = (records.size() + 1 + BLOCKING_FACTOR - 1) / BLOCKING_FACTOR;
		records.add("9" + zeros(1, 6) + zeros(blocks, 6) + zeros(credits.size(), 8) + hash + zeros(0, 12)
				+ zeros(totalCredits, 12) + left("", 39));
		while (records.size() % BLOCKING_FACTOR != 0) {
			records.add("9".repeat(RECORD_LENGTH));
		}
		StringBuilder file = new StringBuilder(records.size() * (RECORD_LENGTH + 1));
		for (String record : records) {
			if (record.length() != RECORD_LENGTH) {
				throw new IllegalStateException("NACHA record of " + record.length() + " characters: " + record);
			}
			file.append(record).append('\n');
		}
		return file.toString();
	}

	private static void requireRouting(String routing, String whose) {
		if (routing == null || !routing.matches("\\d{9}") || !ABA.isValid(routing)) {
			throw new IllegalArgumentException(
					whose + ": routing number '" + routing + "' is not 9 digits with a valid ABA check digit");
		}
	}

	/**
	 * Left-justified, space-padded, cut to the width; upper case ASCII as banks expect.
	 */
	private static String left(String value, int width) {
		String text = value == null ? "" : value.toUpperCase(Locale.ROOT).replaceAll("[^\\x20-\\x7E]", "?");
		return text.length() >= width ? text.substring(0, width) : text + " ".repeat(width - text.length());
	}

	private static String right(String value, int width) {
		return value.length() >= width ? value.substring(value.length() - width)
				: " ".repeat(width - value.length()) + value;
	}

	private static String zeros(long value, int width) {
		String digits = Long.toString(value);
		if (value < 0 || digits.length() > width) {
			throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
		}
		return "0".repeat(width - digits.length()) + digits;
	}

}
