package id.pantau.platform.tables;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * allows refuses the file.
 */
public final class DelimitedRows implements RowSource {

	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
	private static final int MAX_FIELD = SheetPolicy.MAX_CELL_CHARS;

	private final BufferedReader reader;
	private final char delimiter;
	private final long size;
	private final CountingStream counter;
	private final Charset charset;
	private final char[] buffer = new char[1 << 16];
	private int position;
	private int length;

	private DelimitedRows(BufferedReader reader, char delimiter, long size, CountingStream counter, Charset charset) {
		this.reader = reader;
		this.delimiter = delimiter;
		this.size = size;
		this.counter = counter;
		this.charset = charset;
	}

	public static DelimitedRows open(Path file) throws IOException {
		byte[] head = new byte[64 * 1024];
		int read;
		try (InputStream in = Files.newInputStream(file)) {
			read = in.readNBytes(head, 0, head.length);
		}
		Charset charset = isUtf8(head, read) ? StandardCharsets.UTF_8 : WINDOWS_1252;
		CountingStream counter = new CountingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
		BufferedReader reader = new BufferedReader(new InputStreamReader(counter, charset), 1 << 16);
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		String sample = new String(head, 0, read, charset);
		int end = sample.indexOf('\n');
		String header = end < 0 ? sample : sample.substring(0, end);
		char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
		return new DelimitedRows(reader, delimiter, Files.size(file), counter, charset);
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
				fields.add(stripCr(field));
				return fields;
			}
			else {
				field.append((char) c);
			}
		}
		if (!any) {
			return null;
		}
		fields.add(stripCr(field));
		return fields;
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
		return size == 0 ? 1 : Math.min(1, (double) counter.count / size);
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

	private static String stripCr(StringBuilder field) {
		int length = field.length();
		return length > 0 && field.charAt(length - 1) == '\r' ? field.substring(0, length - 1) : field.toString();
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

	private static final class CountingStream extends java.io.FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}
	}
}
