package id.pantau.platform.copy;

import java.io.Reader;
import java.io.StringReader;

/**
 * Rows in COPY's text format: tab between columns, {@code \N} for null, backslash, tab and line ends escaped. One
 * chunk of a table at a time; {@link CopyTables#copy} sends it and empties it. For the owner of a table that offers
 * bulk loading of generated data (the registry's {@code RegistryBulkLoad}, demodata's other tables).
 */
public final class CopyText {

	private final boolean writing;
	private final StringBuilder text;
	private long rows;

	/** @param writing false for rows that are only generated again, never sent: nothing is kept */
	public CopyText(boolean writing) {
		this.writing = writing;
		this.text = new StringBuilder(writing ? 1 << 16 : 0);
	}

	public CopyText() {
		this(true);
	}

	public void row(Object... values) {
		if (!writing) {
			return;
		}
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				text.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				text.append("\\N");
			}
			else if (value instanceof Boolean b) {
				text.append(b ? 't' : 'f');
			}
			else {
				String s = value.toString();
				for (int j = 0; j < s.length(); j++) {
					char c = s.charAt(j);
					switch (c) {
						case '\\' -> text.append("\\\\");
						case '\t' -> text.append("\\t");
						case '\n' -> text.append("\\n");
						case '\r' -> text.append("\\r");
						default -> text.append(c);
					}
				}
			}
		}
		text.append('\n');
		rows++;
	}

	public long rows() {
		return rows;
	}

	/** The rows so far, and empties this. */
	public Reader drain() {
		Reader reader = new StringReader(text.toString());
		text.setLength(0);
		rows = 0;
		return reader;
	}
}
