package id.pantau.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/** The one page writer keeps every paragraph inside its margins, whatever the text, and loses none of it. */
class PdfPagesTests {

	@Test
	void anIndentedParagraphWithAWordWiderThanThePageStaysInsideTheMarginsOnAsManyPagesAsItNeeds() throws IOException {
		String name = "NGUYỄN VĂN HÙNG";
		String word = "KAPAL".repeat(60);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfPages.write(out, "Notulen", 56, 14.5f, pages -> {
			for (int i = 0; i < 80; i++) {
				pages.paragraph(name + " " + word + " akhir" + i, i % 2 == 0, 10.5f, 24);
			}
		});
		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Notulen");
			assertThat(document.getDocumentInformation().getCreator()).isEqualTo("Pantau");
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
			String text = stripper.getText(document).replaceAll("\\s+", "");
			assertThat(extent[0]).isGreaterThanOrEqualTo(56 + 24 - 0.5f);
			assertThat(extent[1]).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 56 + 0.5f);
			assertThat(extent[2]).isGreaterThanOrEqualTo(56 - 0.5f);
			assertThat(text).contains(name.replace(" ", "") + word + "akhir0").contains(word + "akhir79");
		}
	}
}
