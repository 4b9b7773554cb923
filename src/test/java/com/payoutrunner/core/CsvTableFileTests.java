package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableFileTests {

	private static final List<String> COLUMNS = List.of("code", "rate", "active");

	@TempDir
	Path dir;

	private Path write(String content) throws IOException {
		return Files.writeString(dir.resolve("table.csv"), content);
	}

	@Test
	void readsRowsWithTheirLineNumbersAndTrimmedCells() throws IOException {
		Path file = write("""
				code,rate,active,note
				a, 1.50 ,true,
				b,2,false, spare
				""");

		List<CsvTableFile.Row> rows = CsvTableFile.read(file, COLUMNS);

		assertThat(rows).extracting(CsvTableFile.Row::line).containsExactly(2L, 3L);
		assertThat(rows.get(0).text("code")).isEqualTo("a");
		assertThat(rows.get(0).decimal("rate")).isEqualTo(new BigDecimal("1.50"));
		assertThat(rows.get(0).bool("active")).isTrue();
		assertThat(rows.get(0).optionalText("note")).isNull();
		assertThat(rows.get(0).optionalDecimal("note")).isNull();
		assertThat(rows.get(1).bool("active")).isFalse();
		assertThat(rows.get(1).optionalText("note")).isEqualTo("spare");
	}

	@Test
	void acceptsCrlfLineEndings() throws IOException {
		Path file = write("code,rate,active\r\na,1,true\r\nb,2,false\r\n");

		assertThat(CsvTableFile.read(file, COLUMNS)).extracting(CsvTableFile.Row::line).containsExactly(2L, 3L);
	}

	@Test
	void numbersTheLastRowCorrectlyWhenTheFileHasNoTrailingNewline() throws IOException {
		Path file = write("code,rate,active\na,1,true\nb,2,false");

		assertThat(CsvTableFile.read(file, COLUMNS)).extracting(CsvTableFile.Row::line).containsExactly(2L, 3L);
	}

	@Test
	void numbersARowWithAMultiLineCellByItsFirstLine() throws IOException {
		Path file = write("code,rate,active,note\na,1,true,\"two\nlines\"\nb,2,false,\n");

		assertThat(CsvTableFile.read(file, COLUMNS)).extracting(CsvTableFile.Row::line).containsExactly(2L, 4L);
	}

	@Test
	void reportsAMissingFile() {
		Path file = dir.resolve("absent.csv");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessageStartingWith(file + ": file not found (working directory ");
	}

	@Test
	void reportsAMissingColumnOnTheHeaderLine() throws IOException {
		Path file = write("""
				code,active
				a,true
				""");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessage(file + ":1 column 'rate': required column is missing (header: [code, active])");
	}

	@Test
	void reportsARowWithTheWrongNumberOfCells() throws IOException {
		Path file = write("""
				code,rate,active
				a,1,true
				b,2
				""");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessage(file + ":3: expected 3 cells, found 2");
	}

	@Test
	void reportsATableWithoutRows() throws IOException {
		Path file = write("code,rate,active\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessage(file + ": table has no rows");
	}

	@Test
	void reportsAnEmptyFileAsMissingTheFirstColumn() throws IOException {
		Path file = write("");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessage(file + ":1 column 'code': required column is missing (header: [])");
	}

	@Test
	void rejectsADuplicatedColumn() throws IOException {
		Path file = write("code,rate,active,rate\na,1,true,2\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CsvTableFile.read(file, COLUMNS))
			.withMessageStartingWith(file.toString())
			.withMessageContaining("rate");
	}

	@Test
	void namesFileLineAndColumnOfABadCell() throws IOException {
		Path file = write("""
				code,rate,active
				a,1,true
				,x,maybe
				""");
		CsvTableFile.Row row = CsvTableFile.read(file, COLUMNS).get(1);

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> row.text("code"))
			.withMessage(file + ":3 column 'code': value is required");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> row.decimal("rate"))
			.withMessage(file + ":3 column 'rate': 'x' is not a decimal number");
		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> row.bool("active"))
			.withMessage(file + ":3 column 'active': 'maybe' is not true or false");
		assertThat(row.error("rate", "too high")).hasMessage(file + ":3 column 'rate': too high");
	}

	@Test
	void formatsAnErrorWithoutAColumn() {
		Path file = Path.of("config", "t.csv");

		assertThat(new TableFormatException(file, 7, null, "broken")).hasMessage(file + ":7: broken");
		assertThat(new TableFormatException(file, "broken")).hasMessage(file + ": broken");
	}

}
