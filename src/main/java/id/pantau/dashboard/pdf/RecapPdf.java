package id.pantau.dashboard.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import id.pantau.dashboard.domain.RecapDocuments.Table;
import id.pantau.platform.pdf.PdfPages;

/**
 * The monthly recap as a PDF to print for a TIMPORA meeting or the Wali Kota: A4 portrait, the title, the line that
 * says who made it when, then the recap's tables one after the other, through the one page writer {@link PdfPages}.
 */
public final class RecapPdf {

	/** The margin on every side, in points. */
	public static final float MARGIN = 48;

	private RecapPdf() {
	}

	public static void write(OutputStream out, String title, String generatedLine, List<Table> tables)
			throws IOException {
		PdfPages.write(out, title, MARGIN, 0, pages -> {
			pages.paragraph(title, true, 14, 0);
			pages.gap(2);
			pages.paragraph(generatedLine, false, 9, 0);
			pages.gap(2 + 8);
			for (Table table : tables) {
				pages.table(table.title(), table.header(), table.rows());
			}
		});
	}
}
