package com.payoutrunner.intake;

import java.util.Map;

/**
 * One data row of an import file: its first line number, its cells by column name, and
 * {@code structuralProblem} when the row does not have as many cells as the header (null
 * otherwise).
 */
record PayoutCsvRow(long line, Map<String, String> cells, String structuralProblem) {

	/**
	 * The trimmed cell, or null when the column is absent or the cell is empty ("not
	 * given").
	 */
	public String cell(String column) {
		String value = cells.get(column);
		return value == null || value.isBlank() ? null : value.trim();
	}
}
