package com.payoutrunner.connector.file.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a NACHA return file: each returned entry (record 6) is followed by its return
 * addenda (record 7, addenda type 99) carrying the return reason code (R01, R03, ...).
 * The entry's individual identification (positions 40-54) is the payout's short
 * reference, as the runner wrote it. Every record must be 94 characters; padding records
 * of 9s are ignored.
 */
final class AchReturnFile {

	private static final int RECORD_LENGTH = 94;

	private AchReturnFile() {
	}

	public static boolean looksLikeOne(byte[] content) {
		return content.length >= RECORD_LENGTH && content[0] == '1'
				&& new String(content, 0, 3, StandardCharsets.US_ASCII).equals("101");
	}

	/**
	 * @throws InboxFileException naming the line of a record that is not 94 characters,
	 * an entry without its return addenda, or an addenda without an entry
	 */
	public static List<BankVerdict> parse(byte[] content) {
		List<String> records = new String(content, StandardCharsets.US_ASCII).lines().toList();
		List<BankVerdict> verdicts = new ArrayList<>();
		String entryReference = null;
		int entryLine = 0;
		for (int i = 0; i < records.size(); i++) {
			int line = i + 1;
			String record = records.get(i);
			if (record.isBlank()) {
				continue;
			}
			if (record.length() != RECORD_LENGTH) {
				throw new InboxFileException(line, "record of " + record.length() + " characters, not 94");
			}
			switch (record.charAt(0)) {
				case '6' -> {
					if (entryReference != null) {
						throw new InboxFileException(entryLine, "returned entry without its return addenda record");
					}
					entryReference = record.substring(39, 54).strip();
					entryLine = line;
				}
				case '7' -> {
					if (entryReference == null) {
						throw new InboxFileException(line, "addenda record without an entry before it");
					}
					if (!record.startsWith("799")) {
						throw new InboxFileException(line,
								"addenda type " + record.substring(1, 3) + " is not a return (99)");
					}
					String code = record.substring(3, 6);
					String info = record.substring(35, 79).strip();
					verdicts.add(new BankVerdict(entryReference, BankVerdict.Kind.RETURNED, code,
							info.isEmpty() ? ReturnReasons.describe(code) : ReturnReasons.describe(code) + ": " + info,
							entryLine));
					entryReference = null;
				}
				case '1', '5', '8', '9' -> {
				}
				default -> throw new InboxFileException(line, "unknown record type '" + record.charAt(0) + "'");
			}
		}
		if (entryReference != null) {
			throw new InboxFileException(entryLine, "returned entry without its return addenda record");
		}
		return verdicts;
	}

}
