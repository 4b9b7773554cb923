package com.payoutrunner.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a client or a file may send ({@code payout.limits.*}): anything larger is
 * refused before it is parsed, stored or held in memory whole.
 *
 * @param maxRequestBytes an API request body (413 above it)
 * @param maxStatementBytes a statement uploaded to {@code POST /api/reconciliations} (413
 * above it), or read from a file
 * @param maxTextChars a text field of a request (names, account numbers, references)
 * @param maxCommentChars an approver's or canceller's comment
 * @param maxMetadataBytes a payout's {@code metadata}, as JSON
 * @param maxImportRows data rows of one import file
 * @param maxCellChars one cell of an import file or a CSV statement
 * @param maxStatementLines lines (entries) of one statement
 */
@ConfigurationProperties("payout.limits")
public record InputLimits(@DefaultValue("1MB") DataSize maxRequestBytes,
		@DefaultValue("20MB") DataSize maxStatementBytes, @DefaultValue("200") int maxTextChars,
		@DefaultValue("1000") int maxCommentChars, @DefaultValue("16KB") DataSize maxMetadataBytes,
		@DefaultValue("1000000") long maxImportRows, @DefaultValue("1000") int maxCellChars,
		@DefaultValue("1000000") long maxStatementLines) {

	/** The defaults, for tests and pure classes built outside Spring. */
	public static final InputLimits DEFAULTS = new InputLimits(DataSize.ofMegabytes(1), DataSize.ofMegabytes(20), 200,
			1000, DataSize.ofKilobytes(16), 1_000_000, 1000, 1_000_000);

	public InputLimits {
		if (maxRequestBytes.toBytes() < 1024 || maxStatementBytes.toBytes() < 1024) {
			throw new IllegalArgumentException(
					"payout.limits.max-request-bytes and max-statement-bytes must be 1KB or more");
		}
		if (maxTextChars < 1 || maxCommentChars < 1 || maxCellChars < 1 || maxImportRows < 1 || maxStatementLines < 1
				|| maxMetadataBytes.toBytes() < 2) {
			throw new IllegalArgumentException("payout.limits.* must be positive");
		}
	}

}
