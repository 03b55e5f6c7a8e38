package id.pantau.platform.pdf;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What a PDF prints, read back for a test: its text, its page count and properties, and how far its glyphs reach
 * (leftmost and rightmost x, topmost y from the top of the page), to prove that nothing runs past the margins.
 */
public record PdfLayout(String text, int pages, String title, String creator, float left, float right, float top) {

	public static PdfLayout of(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			float[] extent = { Float.MAX_VALUE, 0, Float.MAX_VALUE };
			PDFTextStripper stripper = new PDFTextStripper() {

				@Override
				protected void writeString(String text, List<TextPosition> positions) throws IOException {
					for (TextPosition p : positions) {
						extent[0] = Math.min(extent[0], p.getXDirAdj());
						extent[1] = Math.max(extent[1], p.getXDirAdj() + p.getWidthDirAdj());
						extent[2] = Math.min(extent[2], p.getYDirAdj());
					}
					super.writeString(text, positions);
				}
			};
			String text = stripper.getText(document);
			return new PdfLayout(text, document.getNumberOfPages(), document.getDocumentInformation().getTitle(),
					document.getDocumentInformation().getCreator(), extent[0], extent[1], extent[2]);
		}
	}
}
