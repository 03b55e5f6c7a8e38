package id.pantau.platform.tables;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of a CSV file (RFC 4180 quoting, fields spanning lines) in UTF-8 or Windows-1252, separated by
 * commas or semicolons, whichever the header uses. A NUL byte, a field longer or a row wider than {@link SheetPolicy}
 * allows refuses the file. The one reader of delimited text in Pantau: uploads ({@link #open}), the reference data it
 * ships or an operator provides ({@link #readAll}) and the lines it keeps of refused rows ({@link #fields}).
 */
public final class DelimitedRows implements RowSource {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	private static final int MAX_FIELD = SheetPolicy.MAX_CELL_CHARS;

	private final BufferedReader reader;
	private final char delimiter;
	private final boolean comments;
	private final long size;
	private final CountingStream counter;
	private final Charset charset;
	private final char[] buffer = new char[1 << 16];
	private int position;
	private int length;

	private DelimitedRows(BufferedReader reader, char delimiter, boolean comments, long size, CountingStream counter,
			Charset charset) {
		this.reader = reader;
		this.delimiter = delimiter;
		this.comments = comments;
		this.size = size;
		this.counter = counter;
		this.charset = charset;
	}

	/** An uploaded file, separated by commas or semicolons, whichever its header uses more. */
	public static DelimitedRows open(Path file) throws IOException {
		return read(Files.newInputStream(file), Files.size(file), (char) 0, false);
	}

	/**
	 * A comma-separated file that Pantau ships or an operator provides (reference data), as a list of rows, the header
	 * first: lines that begin with {@code #} are comments, blank lines are left out, and every field is trimmed.
	 */
	public static List<List<String>> readAll(InputStream in) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (DelimitedRows source = read(in, -1, ',', true)) {
			for (List<String> row = source.next(); row != null; row = source.next()) {
				List<String> fields = row.stream().map(String::trim).toList();
				if (fields.size() > 1 || !fields.get(0).isEmpty()) {
					rows.add(fields);
				}
			}
		}
		return rows;
	}

	/**
	 * A table Pantau ships on the class path (reference data), read as {@link #readAll} reads it, without its header.
	 *
	 * @throws IllegalStateException when the class path lacks it
	 */
	public static List<List<String>> bundled(String resource) {
		InputStream in = DelimitedRows.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException(resource + " is missing from the class path");
		}
		try {
			List<List<String>> rows = readAll(in);
			return rows.isEmpty() ? rows : rows.subList(1, rows.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The fields of one line as {@link Csv#line} writes it (RFC 4180 quoting, a comma between fields), for a line kept
	 * in the database that goes out again.
	 */
	public static List<String> fields(String line) {
		try (DelimitedRows source = new DelimitedRows(new BufferedReader(new StringReader(line)), ',', false,
				line.length(), null, StandardCharsets.UTF_16)) {
			List<String> fields = source.next();
			return fields == null ? List.of("") : fields;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads {@code in} (of {@code size} bytes, or -1 when unknown) in UTF-8 when its first 64 KB are valid UTF-8, else
	 * in Windows-1252, a leading byte order mark dropped; separated by {@code delimiter}, or (0) by what the header
	 * uses more of, a comma or a semicolon.
	 */
	private static DelimitedRows read(InputStream in, long size, char delimiter, boolean comments)
			throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
		byte[] head = new byte[64 * 1024];
		int read;
		try {
			buffered.mark(head.length + 1);
			read = buffered.readNBytes(head, 0, head.length);
			buffered.reset();
		}
		catch (IOException e) {
			buffered.close();
			throw e;
		}
		Charset charset = isUtf8(head, read) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		CountingStream counter = new CountingStream(buffered, (bytes, total) -> {
		});
		BufferedReader reader = new BufferedReader(new InputStreamReader(counter, charset), 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		if (delimiter == 0) {
			String sample = new String(head, 0, read, charset);
			int end = sample.indexOf('\n');
			String header = end < 0 ? sample : sample.substring(0, end);
			delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
		}
		return new DelimitedRows(reader, delimiter, comments, size, counter, charset);
	}

	public Charset charset() {
		return charset;
	}

	public char delimiter() {
		return delimiter;
	}

	@Override
	public List<String> next() throws IOException {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		int c;
		while ((c = read()) != -1) {
			if (comments && !any && fields.isEmpty() && c == '#') {
				skipLine();
				continue;
			}
			any = true;
			if (c == 0) {
				throw new UnreadableFile("import.nulByte", null);
			}
			if (field.length() > MAX_FIELD) {
				throw new UnreadableFile("import.fieldTooLong", Integer.toString(MAX_FIELD));
			}
			if (quoted) {
				if (c == '"') {
					if (peek() == '"') {
						read();
						field.append('"');
					}
					else {
						quoted = false;
					}
				}
				else {
					field.append((char) c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == delimiter) {
				fields.add(field.toString());
				field.setLength(0);
				if (fields.size() >= SheetPolicy.MAX_COLUMNS) {
					throw new UnreadableFile("import.tooManyColumns", Integer.toString(SheetPolicy.MAX_COLUMNS));
				}
			}
			else if (c == '\n') {
				fields.add(field.toString());
				return fields;
			}
			else if (c != '\r' || (peek() != '\n' && peek() != -1)) {
				// a carriage return ends a line only outside quotes, right before a line feed or the end
				field.append((char) c);
			}
		}
		if (!any) {
			return null;
		}
		fields.add(field.toString());
		return fields;
	}

	private void skipLine() throws IOException {
		for (int c = read(); c != -1 && c != '\n'; c = read()) {
			// a comment
		}
	}

	private int read() throws IOException {
		if (position == length && !fill()) {
			return -1;
		}
		return buffer[position++];
	}

	private int peek() throws IOException {
		if (position == length && !fill()) {
			return -1;
		}
		return buffer[position];
	}

	private boolean fill() throws IOException {
		length = reader.read(buffer, 0, buffer.length);
		position = 0;
		if (length <= 0) {
			length = 0;
			return false;
		}
		return true;
	}

	@Override
	public double progress() {
		return size == 0 ? 1 : size < 0 || counter == null ? 0 : Math.min(1, (double) counter.count() / size);
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

	private static int count(String text, char c) {
		int n = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				n++;
			}
		}
		return n;
	}

	/** Valid UTF-8 as far as it was read (a sequence cut at the end of the sample does not count against it). */
	static boolean isUtf8(byte[] bytes, int length) {
		int end = length;
		for (int back = 1; back <= 3 && end - back >= 0; back++) {
			int b = bytes[end - back] & 0xFF;
			if ((b & 0xC0) == 0xC0) {
				end = end - back;
				break;
			}
			if ((b & 0x80) == 0) {
				break;
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}
}
