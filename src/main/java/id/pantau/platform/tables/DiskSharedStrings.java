package id.pantau.platform.tables;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared strings of a workbook kept on disk instead of in the heap: Excel stores every text cell of a sheet in
 * this one table, so for a sheet of a million crossings it is as large as the sheet's text. The table is read once as
 * a stream into a file of UTF-8 texts and a file of their offsets; both are memory-mapped (outside the heap) and
 * their names deleted at once, so nothing is left behind. Phonetic runs are left out, as Excel shows them only as
 * furigana. A text longer than Excel's limit for a cell refuses the file.
 */
final class DiskSharedStrings implements SharedStrings {

	private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

	private final MappedByteBuffer texts;
	private final MappedByteBuffer offsets;
	private final int count;

	private DiskSharedStrings(MappedByteBuffer texts, MappedByteBuffer offsets, int count) {
		this.texts = texts;
		this.offsets = offsets;
		this.count = count;
	}

	static DiskSharedStrings empty() {
		return new DiskSharedStrings(null, null, 0);
	}

	static DiskSharedStrings read(InputStream xml, int maxChars) throws IOException, SAXException {
		Path textFile = Files.createTempFile("pantau-sst-", ".txt");
		Path offsetFile = Files.createTempFile("pantau-sst-", ".idx");
		try {
			Reader reader = new Reader(textFile, offsetFile, maxChars);
			try {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(reader);
				parser.parse(new InputSource(xml));
			}
			catch (ParserConfigurationException e) {
				throw new IllegalStateException(e);
			}
			finally {
				reader.close();
			}
			return new DiskSharedStrings(map(textFile), map(offsetFile), reader.count);
		}
		finally {
			Files.deleteIfExists(textFile);
			Files.deleteIfExists(offsetFile);
		}
	}

	private static MappedByteBuffer map(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
		}
	}

	String text(int index) {
		if (index < 0 || index >= count) {
			throw new UnreadableFile("import.brokenXlsx", null);
		}
		int start = offsets.getInt(index * Integer.BYTES);
		int end = offsets.getInt((index + 1) * Integer.BYTES);
		byte[] bytes = new byte[end - start];
		texts.get(start, bytes);
		return unescape(new String(bytes, StandardCharsets.UTF_8));
	}

	/** Excel writes characters XML cannot carry, such as a carriage return, as {@code _x000D_}. */
	static String unescape(String text) {
		if (text.indexOf("_x") < 0) {
			return text;
		}
		Matcher m = ESCAPE.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(
					String.valueOf((char) Integer.parseInt(m.group(1), 16))));
		}
		m.appendTail(out);
		return out.toString();
	}

	@Override
	public RichTextString getItemAt(int index) {
		return new PlainText(text(index));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	/** Streams {@code <si>} items to the two files. */
	private static final class Reader extends DefaultHandler {

		private final OutputStream texts;
		private final DataOutputStream offsets;
		private final int maxChars;
		private final StringBuilder item = new StringBuilder();
		private long position;
		private int count;
		private boolean inItem;
		private boolean inText;
		private int phoneticDepth;

		Reader(Path textFile, Path offsetFile, int maxChars) throws IOException {
			this.texts = new BufferedOutputStream(Files.newOutputStream(textFile), 1 << 16);
			this.offsets = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsetFile), 1 << 16));
			this.maxChars = maxChars;
			offsets.writeInt(0);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> {
					inItem = true;
					item.setLength(0);
				}
				case "rPh" -> phoneticDepth++;
				case "t" -> inText = inItem && phoneticDepth == 0;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "si" -> {
					inItem = false;
					write();
				}
				case "rPh" -> phoneticDepth--;
				case "t" -> inText = false;
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (inText) {
				if (item.length() + length > maxChars) {
					throw new UnreadableFile("import.cellTooLong", Integer.toString(maxChars));
				}
				item.append(ch, start, length);
			}
		}

		private void write() throws SAXException {
			byte[] bytes = item.toString().getBytes(StandardCharsets.UTF_8);
			if (position + bytes.length > Integer.MAX_VALUE || count == Integer.MAX_VALUE / Integer.BYTES - 1) {
				throw new UnreadableFile("import.zipBomb", null);
			}
			try {
				texts.write(bytes);
				position += bytes.length;
				offsets.writeInt((int) position);
				count++;
			}
			catch (IOException e) {
				throw new SAXException(e);
			}
		}

		void close() throws IOException {
			try (texts; offsets) {
				texts.flush();
				offsets.flush();
			}
		}
	}

	/**
	 * A shared string as the sheet handler needs it: its text. {@code XSSFRichTextString} would build an XML object
	 * for every cell of the sheet.
	 */
	private record PlainText(String text) implements RichTextString {

		@Override
		public String getString() {
			return text;
		}

		@Override
		public String toString() {
			return text;
		}

		@Override
		public int length() {
			return text.length();
		}

		@Override
		public int numFormattingRuns() {
			return 0;
		}

		@Override
		public int getIndexOfFormattingRun(int index) {
			return 0;
		}

		@Override
		public void applyFont(int startIndex, int endIndex, short fontIndex) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(int startIndex, int endIndex, Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void applyFont(Font font) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void clearFormatting() {
		}

		@Override
		public void applyFont(short fontIndex) {
			throw new UnsupportedOperationException();
		}
	}
}
