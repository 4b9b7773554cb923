package com.payoutrunner.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes N payouts by cycling a template file's rows with fresh investor ids and seeded
 * amounts.
 */
public final class SyntheticPayoutFile {

	private SyntheticPayoutFile() {
	}

	/**
	 * Writes {@code rows} payouts cycling the template's rows (good and bad alike), each
	 * with a fresh investor id and, where the template has one, an amount drawn from a
	 * seeded generator between 1,500.00 and 10,499.99.
	 */
	public static void write(Path template, Path target, int rows) throws IOException {
		List<CSVRecord> templates = new ArrayList<>();
		List<String> header;
		try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			header = parser.getHeaderNames();
			parser.forEach(templates::add);
		}
		if (templates.isEmpty()) {
			throw new IllegalArgumentException("template " + template + " has no rows");
		}
		int idColumn = header.indexOf("investor_id");
		int amountColumn = header.indexOf("amount");
		Random random = new Random(42);
		try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
				CSVPrinter csv = CSVFormat.RFC4180.builder()
					.setHeader(header.toArray(String[]::new))
					.get()
					.print(writer)) {
			for (int i = 0; i < rows; i++) {
				List<String> values = new ArrayList<>(templates.get(i % templates.size()).toList());
				values.set(idColumn, "INV-B%08d".formatted(i + 1));
				if (!values.get(amountColumn).isBlank()) {
					values.set(amountColumn, BigDecimal.valueOf(150_000 + random.nextInt(900_000), 2).toPlainString());
				}
				csv.printRecord(values);
			}
		}
	}

}
