package id.pantau.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
		PdfLayout pdf = PdfLayout.of(out.toByteArray());
		assertThat(pdf.pages()).isGreaterThan(1);
		assertThat(pdf.title()).isEqualTo("Notulen");
		assertThat(pdf.creator()).isEqualTo("Pantau");
		assertThat(pdf.left()).isGreaterThanOrEqualTo(56 + 24 - 0.5f);
		assertThat(pdf.right()).isLessThanOrEqualTo(PDRectangle.A4.getWidth() - 56 + 0.5f);
		assertThat(pdf.top()).isGreaterThanOrEqualTo(56 - 0.5f);
		assertThat(pdf.text().replaceAll("\\s+", "")).contains(name.replace(" ", "") + word + "akhir0")
				.contains(word + "akhir79");
	}
}
