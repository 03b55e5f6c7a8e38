package id.pantau.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfFontsTests {

	@Test
	void latinNamesWithEveryDiacriticPrintAsWrittenAndComeBackOutOfThePdf() throws IOException {
		String names = "NGUYỄN VĂN HÙNG · TRẦN THỊ NGỌC ÁNH · ŁUKASZ BŁASZCZYKOWSKI · JOSÉ MUÑOZ · ÇAĞLAR ŞAHİN";
		assertThat(textOfPdfWith(names)).contains(names);
	}

	@Test
	void aCharacterTheFontLacksIsShownByItsCodePointNeverAsAQuestionMark() throws IOException {
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfFonts.regular(document);
			assertThat(PdfFonts.printable("ZHANG 张伟", font)).isEqualTo("ZHANG <U+5F20><U+4F1F>");
			assertThat(PdfFonts.printable("line\nbreak\ttab", font)).isEqualTo("line break tab");
			assertThat(PdfFonts.printable(null, font)).isEmpty();
		}
	}

	private static String textOfPdfWith(String text) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			PDFont font = PdfFonts.regular(document);
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.beginText();
				content.setFont(font, 10);
				PdfFonts.bold(content, 10);
				content.newLineAtOffset(40, 700);
				content.showText(PdfFonts.printable(text, font));
				PdfFonts.plain(content);
				content.endText();
			}
			document.save(out);
		}
		try (PDDocument read = Loader.loadPDF(out.toByteArray())) {
			return new PDFTextStripper().getText(read);
		}
	}
}
