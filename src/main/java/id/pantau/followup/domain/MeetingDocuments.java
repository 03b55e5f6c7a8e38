package id.pantau.followup.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import id.pantau.followup.domain.Meeting.AgencyView;
import id.pantau.followup.domain.Meeting.Attendance;
import id.pantau.followup.domain.Meeting.Detail;
import id.pantau.followup.domain.Meeting.Item;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.pdf.PdfFonts;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import id.pantau.registry.Registry;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

/**
 * A TIMPORA meeting's agenda and minutes (notulen) as PDF, in Indonesian: the official record of the meeting, printed
 * for signing, in the embedded Unicode font of {@link PdfFonts}, so that names print as written.
 */
@Component
public class MeetingDocuments {

	private static final Locale ID = AlertTexts.INDONESIAN;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, 'pukul' HH:mm 'WIT'", ID)
			.withZone(DisplayTime.ZONE);

	private final AlertTexts texts;
	private final ReferenceData reference;
	private final Registry registry;

	MeetingDocuments(AlertTexts texts, ReferenceData reference, Registry registry) {
		this.texts = texts;
		this.reference = reference;
		this.registry = registry;
	}

	public byte[] agenda(Detail detail) {
		Writer pdf = new Writer();
		header(pdf, detail, "followup.pdf.agendaTitle");
		pdf.heading(msg("followup.pdf.agendaItems"));
		if (detail.items().isEmpty()) {
			pdf.paragraph(msg("followup.pdf.noItems"), 0);
		}
		Map<Long, Registry.PersonRef> persons = persons(detail);
		for (Item item : detail.items()) {
			itemLines(pdf, item, persons);
		}
		return pdf.finish(msg("followup.pdf.agendaTitle"));
	}

	public byte[] minutes(Detail detail) {
		Writer pdf = new Writer();
		header(pdf, detail, "followup.pdf.minutesTitle");
		pdf.heading(msg("followup.pdf.attendance"));
		if (detail.attendance().isEmpty()) {
			pdf.paragraph(msg("followup.pdf.noAttendance"), 0);
		}
		for (Attendance a : detail.attendance()) {
			pdf.paragraph("- " + msg("agency." + a.agency()) + ": " + a.attendee(), 10);
		}
		pdf.heading(msg("followup.pdf.discussion"));
		if (detail.items().isEmpty()) {
			pdf.paragraph(msg("followup.pdf.noItems"), 0);
		}
		Map<Long, Registry.PersonRef> persons = persons(detail);
		for (Item item : detail.items()) {
			itemLines(pdf, item, persons);
			for (AgencyView view : item.views()) {
				pdf.paragraph(msg("followup.pdf.viewOf", msg("agency." + view.agency())) + " " + view.view(), 24);
			}
			pdf.paragraph(msg("followup.pdf.decision") + " "
					+ (item.decision() == null ? msg("followup.pdf.noDecision") : item.decision()), 24);
		}
		if (detail.meeting().notes() != null) {
			pdf.heading(msg("followup.pdf.notes"));
			pdf.paragraph(detail.meeting().notes(), 0);
		}
		pdf.gap();
		pdf.paragraph(msg("followup.pdf.signature", detail.meeting().chair() == null ? "" : detail.meeting().chair()), 0);
		return pdf.finish(msg("followup.pdf.minutesTitle"));
	}

	private void header(Writer pdf, Detail detail, String titleKey) {
		Meeting m = detail.meeting();
		pdf.title(msg(titleKey));
		pdf.paragraph(msg("followup.pdf.subtitle"), 0);
		pdf.gap();
		pdf.paragraph(msg("followup.pdf.when") + " " + WHEN.format(m.heldAt()), 0);
		pdf.paragraph(msg("followup.pdf.place") + " " + m.place(), 0);
		pdf.paragraph(msg("followup.pdf.chair") + " " + (m.chair() == null ? "-" : m.chair()), 0);
		pdf.paragraph(msg("followup.pdf.status") + " " + msg("followup.meeting.status." + m.status()), 0);
		if (detail.hiddenItems() > 0) {
			pdf.paragraph(msg("followup.pdf.hidden", detail.hiddenItems()), 0);
		}
	}

	/** The persons of the items, read once for the whole document. */
	private Map<Long, Registry.PersonRef> persons(Detail detail) {
		return registry.refs(detail.items().stream().map(item -> item.alert().personId()).filter(Objects::nonNull)
				.collect(Collectors.toSet()));
	}

	private void itemLines(Writer pdf, Item item, Map<Long, Registry.PersonRef> persons) {
		Alert a = item.alert();
		String village = a.regionCode() == null ? msg("followup.alert.noRegion")
				: reference.region(a.regionCode()).map(Region::name).orElse(a.regionCode());
		Registry.PersonRef person = a.personId() == null ? null : persons.get(a.personId());
		String who = person == null ? ""
				: person.primaryName() + (person.nationality() == null ? "" : " (" + country(person.nationality()) + ")")
						+ ", ";
		pdf.paragraph(item.position() + ". [" + msg("followup.severity." + a.severity()) + "] "
				+ texts.name(a.rule(), ID) + ": " + who + village + " (#" + a.id() + ")", 0);
		pdf.paragraph(texts.summary(a, ID), 12);
	}

	private String country(String alpha3) {
		return reference.countries().stream().filter(c -> c.alpha3().equals(alpha3)).map(c -> c.nameId()).findFirst()
				.orElse(alpha3);
	}

	private String msg(String key, Object... args) {
		return texts.message(key, ID, args);
	}

	/** Lines of text on A4 pages, wrapped at the margin, a new page when one is full. */
	private static final class Writer {

		private static final float MARGIN = 56;
		private static final float SIZE = 10.5f;
		private static final float LEADING = 14.5f;

		private final PDDocument document = new PDDocument();
		private final PDFont font = PdfFonts.regular(document);
		private PDPageContentStream page;
		private float y;

		void title(String text) {
			write(text, true, 15, 0);
			y -= 4;
		}

		void heading(String text) {
			gap();
			write(text, true, 12, 0);
		}

		void paragraph(String text, float indent) {
			write(text, false, SIZE, indent);
		}

		void gap() {
			y -= LEADING / 2;
		}

		private void write(String text, boolean bold, float size, float indent) {
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
			for (String line : wrap(PdfFonts.printable(text, font), font, size, width)) {
				if (page == null || y < MARGIN + LEADING) {
					newPage();
				}
				try {
					page.beginText();
					page.setFont(font, size);
					if (bold) {
						PdfFonts.bold(page, size);
					}
					page.newLineAtOffset(MARGIN + indent, y);
					page.showText(line);
					PdfFonts.plain(page);
					page.endText();
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				y -= Math.max(LEADING, size + 4);
			}
		}

		private void newPage() {
			try {
				if (page != null) {
					page.close();
				}
				PDPage next = new PDPage(PDRectangle.A4);
				document.addPage(next);
				page = new PDPageContentStream(document, next);
				y = PDRectangle.A4.getHeight() - MARGIN;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private static List<String> wrap(String text, PDFont font, float size, float width) {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (widthOf(candidate, font, size) <= width || line.isEmpty()) {
					line.setLength(0);
					line.append(candidate);
				}
				else {
					lines.add(line.toString());
					line.setLength(0);
					line.append(word);
				}
			}
			lines.add(line.toString());
			return lines;
		}

		private static float widthOf(String text, PDFont font, float size) {
			try {
				return font.getStringWidth(text) / 1000 * size;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		byte[] finish(String title) {
			try {
				if (page == null) {
					newPage();
				}
				page.close();
				PDDocumentInformation info = document.getDocumentInformation();
				info.setTitle(title);
				info.setCreator("Pantau");
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				document.save(out);
				document.close();
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
