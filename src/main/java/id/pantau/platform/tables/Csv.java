package id.pantau.platform.tables;

import java.util.List;

/**
 * Writes CSV fields the way PostgreSQL's COPY (FORMAT csv) and spreadsheet programs read them: the one CSV writer
 * (its reader is {@link DelimitedRows}), and the one formula guard ({@link #neutralise}) of every CSV and XLSX file
 * Pantau writes.
 */
public final class Csv {

	private Csv() {
	}

	/** A null is written as an empty unquoted field, which COPY reads as NULL. */
	public static void field(StringBuilder line, Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString();
		boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
				|| text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
		if (!quote) {
			line.append(text);
			return;
		}
		line.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				line.append('"');
			}
			line.append(c);
		}
		line.append('"');
	}

	/**
	 * Keeps a spreadsheet from running a cell as a formula: text that begins with {@code = + - @}, a tab or a carriage
	 * return is prefixed with a quote.
	 */
	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

	/**
	 * Whether a cell read from an uploaded table is a formula rather than a value: {@code =} begins one whatever
	 * follows ({@code =1+cmd|...}); {@code +} and {@code @} only before a letter, as {@code +62...} is a phone number.
	 * The readers refuse such a row (the value is not what the sheet shows).
	 */
	public static boolean isFormula(String value) {
		return value != null && value.length() > 1 && (value.charAt(0) == '='
				|| ("+@".indexOf(value.charAt(0)) >= 0 && !Character.isDigit(value.charAt(1))));
	}

	/**
	 * A line of cells for a person's spreadsheet: every cell neutralised against formula injection. This and
	 * {@link #neutralise} are the one formula guard of every file Pantau writes (CSV and XLSX, headers included); a
	 * line kept this way is read again by {@link DelimitedRows#fields}.
	 */
	public static String safeLine(List<String> cells) {
		return line(cells.stream().map(cell -> cell == null || cell.isEmpty() ? null : neutralise(cell)).toList());
	}

	public static String line(List<?> values) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			field(line, values.get(i));
		}
		return line.toString();
	}
}
