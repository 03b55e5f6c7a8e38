package id.pantau.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The font of Pantau's PDFs: Liberation Sans as PDFBox ships it (SIL Open Font License), embedded as a subset. It has
 * Latin with every diacritic Vietnamese and the other Latin alphabets use, Greek and Cyrillic. A character it lacks
 * is printed without its accents when the bare letter exists (a transliteration), and otherwise as its code point
 * ({@code <U+4E2D>}), never as a silent question mark.
 */
public final class PdfFonts {

	private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private PdfFonts() {
	}

	/** The font, embedded in {@code document} (a subset of the glyphs used). */
	public static PDFont regular(PDDocument document) {
		try (InputStream font = PdfFonts.class.getResourceAsStream(LIBERATION_SANS)) {
			if (font == null) {
				throw new IllegalStateException("PDFBox's " + LIBERATION_SANS + " is missing from the class path");
			}
			return PDType0Font.load(document, font);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Starts text in bold: the same font, drawn filled and outlined (the font has no bold face). Undone by
	 * {@link #plain}.
	 */
	public static void bold(PDPageContentStream content, float size) throws IOException {
		content.setRenderingMode(RenderingMode.FILL_STROKE);
		content.setLineWidth(size / 30);
	}

	public static void plain(PDPageContentStream content) throws IOException {
		content.setRenderingMode(RenderingMode.FILL);
	}

	/** {@code text} on one line as {@code font} can show it: line breaks and tabs become spaces, see the class. */
	public static String printable(String text, PDFont font) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(cp -> {
			if (cp == '\t' || cp == '\n' || cp == '\r') {
				out.append(' ');
			}
			else if (Character.isISOControl(cp)) {
				return;
			}
			else if (shows(font, new String(Character.toChars(cp)))) {
				out.appendCodePoint(cp);
			}
			else {
				String bare = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
						.replaceAll("\\p{M}", "");
				out.append(!bare.isEmpty() && shows(font, bare) ? bare : "<U+%04X>".formatted(cp));
			}
		});
		return out.toString();
	}

	private static boolean shows(PDFont font, String text) {
		try {
			// an embedded TrueType font refuses a character without a glyph rather than showing a blank box
			font.encode(text);
			return true;
		}
		catch (IOException | IllegalArgumentException e) {
			return false;
		}
	}
}
