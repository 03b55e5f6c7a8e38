package id.pantau.platform.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The one PDF page writer of Pantau: paragraphs and tables down A4 portrait pages, in the embedded Unicode font of
 * {@link PdfFonts}, a new page when one is full. Text wraps within the margins (or its column), measured with the
 * font: between words, and inside a word only when the word alone is wider, so nothing runs past the margin.
 */
public final class PdfPages {

	/** The width of a figure column of a table; the first column takes the rest of the line. */
	private static final float FIGURE = 86;
	private static final float PADDING = 6;
	private static final float TABLE_SIZE = 9.5f;
	private static final float TABLE_LEADING = 12;

	private final PDDocument document;
	private final PDFont font;
	private final float margin;
	private final float leading;
	private final float width;
	private PDPageContentStream content;
	private float y;

	/** What goes on the pages. */
	@FunctionalInterface
	public interface Content {

		void write(PdfPages pages) throws IOException;
	}

	private PdfPages(PDDocument document, float margin, float leading) {
		this.document = document;
		this.font = PdfFonts.regular(document);
		this.margin = margin;
		this.leading = leading;
		this.width = PDRectangle.A4.getWidth() - 2 * margin;
		newPage();
	}

	/**
	 * Writes a document titled {@code title} (its properties name Pantau as the creator) to {@code out}: pages with
	 * {@code margin} points on every side, a line of text at least {@code leading} points below the one before.
	 */
	public static void write(OutputStream out, String title, float margin, float leading, Content content)
			throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(title);
			info.setCreator("Pantau");
			PdfPages pages = new PdfPages(document, margin, leading);
			try {
				content.write(pages);
			}
			finally {
				pages.content.close();
			}
			document.save(out);
		}
	}

	private void newPage() {
		try {
			if (content != null) {
				content.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			content = new PDPageContentStream(document, page);
			y = page.getMediaBox().getHeight() - margin;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void room(float height) {
		if (y - height < margin) {
			newPage();
		}
	}

	public void gap(float height) {
		y -= height;
	}

	/** A paragraph across the page, {@code indent} points in from the left margin, wrapped to the margins. */
	public void paragraph(String text, boolean bold, float size, float indent) {
		float step = Math.max(leading, size + 4);
		for (String part : wrap(text, width - indent, size)) {
			room(step);
			write(margin + indent, part, bold, size);
			y -= step;
		}
	}

	private void write(float x, String text, boolean bold, float size) {
		try {
			content.beginText();
			content.setFont(font, size);
			if (bold) {
				PdfFonts.bold(content, size);
			}
			content.newLineAtOffset(x, y - size);
			content.showText(text);
			PdfFonts.plain(content);
			content.endText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private float width(String text, float size) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * {@code text} (made printable) in lines no wider than {@code room}: broken between words, and inside a word only
	 * when the word alone is wider.
	 */
	List<String> wrap(String text, float room, float size) {
		String printable = PdfFonts.printable(text, font).strip();
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : printable.split(" +")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, size) <= room) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			// a word wider than the room on its own: cut it where it fills the line
			while (width(word, size) > room && word.length() > 1) {
				int cut = word.length() - 1;
				while (cut > 1 && width(word.substring(0, cut), size) > room) {
					cut--;
				}
				lines.add(word.substring(0, cut));
				word = word.substring(cut);
			}
			line.append(word);
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/** A table under a bold title: the header in bold over a rule, then the rows; "-" for a table without rows. */
	public void table(String title, List<String> header, List<List<Object>> rows) {
		room(TABLE_LEADING * 4 + 6);
		gap(6);
		paragraph(title, true, 11, 0);
		gap(2);
		int n = header.size();
		float[] widths = new float[n];
		widths[0] = width - FIGURE * (n - 1);
		for (int i = 1; i < n; i++) {
			widths[i] = FIGURE;
		}
		row(header, widths, true);
		if (rows.isEmpty()) {
			row(List.of("-"), widths, false);
		}
		for (List<Object> cells : rows) {
			row(cells, widths, false);
		}
	}

	/** A row: every cell wrapped within its column; figures (every column but the first) aligned right. */
	private void row(List<?> cells, float[] widths, boolean bold) {
		List<List<String>> wrapped = new ArrayList<>();
		int lines = 1;
		for (int i = 0; i < cells.size() && i < widths.length; i++) {
			Object value = cells.get(i);
			List<String> cell = wrap(value == null ? "" : value.toString(), widths[i] - PADDING, TABLE_SIZE);
			wrapped.add(cell);
			lines = Math.max(lines, cell.size());
		}
		room(lines * TABLE_LEADING + 2);
		float x = margin;
		for (int i = 0; i < wrapped.size(); i++) {
			float top = y;
			for (String part : wrapped.get(i)) {
				float at = i == 0 ? x : x + widths[i] - PADDING / 2 - width(part, TABLE_SIZE);
				write(at, part, bold, TABLE_SIZE);
				y -= TABLE_LEADING;
			}
			y = top;
			x += widths[i];
		}
		y -= lines * TABLE_LEADING + 2;
		if (bold) {
			try {
				content.moveTo(margin, y + 1);
				content.lineTo(margin + width, y + 1);
				content.setLineWidth(0.5f);
				content.stroke();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			y -= 2;
		}
	}
}
