package id.pantau.followup.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import id.pantau.followup.domain.Alert;
import id.pantau.followup.domain.AlertTexts;
import id.pantau.followup.domain.Meeting;
import id.pantau.followup.domain.Meeting.AgencyView;
import id.pantau.followup.domain.Meeting.Attendance;
import id.pantau.followup.domain.Meeting.Detail;
import id.pantau.followup.domain.Meeting.Item;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.pdf.PdfFonts;
import id.pantau.platform.pdf.PdfPages;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import id.pantau.registry.Registry;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * A TIMPORA meeting's agenda and minutes (notulen) as PDF, in Indonesian: the official record of the meeting, printed
 * for signing, in the embedded Unicode font of {@link PdfFonts}, so that names print as written.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MeetingDocuments {

	private static final Locale ID = AlertTexts.INDONESIAN;
	private static final float MARGIN = 56;
	private static final float SIZE = 10.5f;
	private static final float LEADING = 14.5f;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy, 'pukul' HH:mm 'WIT'", ID)
			.withZone(DisplayTime.ZONE);

	private final AlertTexts texts;
	private final ReferenceData reference;
	private final Registry registry;

	public byte[] agenda(Detail detail) {
		return pdf(msg("followup.pdf.agendaTitle"), pdf -> {
			header(pdf, detail, "followup.pdf.agendaTitle");
			heading(pdf, msg("followup.pdf.agendaItems"));
			items(pdf, detail, item -> {
			});
		});
	}

	public byte[] minutes(Detail detail) {
		return pdf(msg("followup.pdf.minutesTitle"), pdf -> {
			header(pdf, detail, "followup.pdf.minutesTitle");
			heading(pdf, msg("followup.pdf.attendance"));
			if (detail.attendance().isEmpty()) {
				paragraph(pdf, msg("followup.pdf.noAttendance"), 0);
			}
			for (Attendance a : detail.attendance()) {
				paragraph(pdf, "- " + msg("agency." + a.agency()) + ": " + a.attendee(), 10);
			}
			heading(pdf, msg("followup.pdf.discussion"));
			items(pdf, detail, item -> {
				for (AgencyView view : item.views()) {
					paragraph(pdf, msg("followup.pdf.viewOf", msg("agency." + view.agency())) + " " + view.view(), 24);
				}
				paragraph(pdf, msg("followup.pdf.decision") + " "
						+ (item.decision() == null ? msg("followup.pdf.noDecision") : item.decision()), 24);
			});
			if (detail.meeting().notes() != null) {
				heading(pdf, msg("followup.pdf.notes"));
				paragraph(pdf, detail.meeting().notes(), 0);
			}
			gap(pdf);
			paragraph(pdf, msg("followup.pdf.signature", detail.meeting().chair() == null ? "" : detail.meeting().chair()), 0);
		});
	}

	private void header(PdfPages pdf, Detail detail, String titleKey) {
		Meeting m = detail.meeting();
		title(pdf, msg(titleKey));
		paragraph(pdf, msg("followup.pdf.subtitle"), 0);
		gap(pdf);
		paragraph(pdf, msg("followup.pdf.when") + " " + WHEN.format(m.heldAt()), 0);
		paragraph(pdf, msg("followup.pdf.place") + " " + m.place(), 0);
		paragraph(pdf, msg("followup.pdf.chair") + " " + (m.chair() == null ? "-" : m.chair()), 0);
		paragraph(pdf, msg("followup.pdf.status") + " " + msg("followup.meeting.status." + m.status()), 0);
		if (detail.hiddenItems() > 0) {
			paragraph(pdf, msg("followup.pdf.hidden", detail.hiddenItems()), 0);
		}
	}

	/** Each item of the meeting, followed by what {@code more} writes of it; a line that says so when there is none. */
	private void items(PdfPages pdf, Detail detail, Consumer<Item> more) {
		if (detail.items().isEmpty()) {
			paragraph(pdf, msg("followup.pdf.noItems"), 0);
		}
		Map<Long, Registry.PersonRef> persons = persons(detail);
		for (Item item : detail.items()) {
			itemLines(pdf, item, persons);
			more.accept(item);
		}
	}

	/** The persons of the items, read once for the whole document. */
	private Map<Long, Registry.PersonRef> persons(Detail detail) {
		return registry.refs(detail.items().stream().map(item -> item.alert().personId()).filter(Objects::nonNull)
				.collect(Collectors.toSet()));
	}

	private void itemLines(PdfPages pdf, Item item, Map<Long, Registry.PersonRef> persons) {
		Alert a = item.alert();
		String village = a.regionCode() == null ? msg("followup.alert.noRegion")
				: reference.region(a.regionCode()).map(Region::name).orElse(a.regionCode());
		Registry.PersonRef person = a.personId() == null ? null : persons.get(a.personId());
		String who = person == null ? ""
				: person.primaryName() + (person.nationality() == null ? "" : " (" + country(person.nationality()) + ")")
						+ ", ";
		paragraph(pdf, item.position() + ". [" + msg("followup.severity." + a.severity()) + "] "
				+ texts.name(a.rule(), ID) + ": " + who + village + " (#" + a.id() + ")", 0);
		paragraph(pdf, texts.summary(a, ID), 12);
	}

	private String country(String alpha3) {
		return reference.countries().stream().filter(c -> c.alpha3().equals(alpha3)).map(c -> c.nameId()).findFirst()
				.orElse(alpha3);
	}

	private String msg(String key, Object... args) {
		return texts.message(key, ID, args);
	}

	/** The document titled {@code title}, A4 pages with margins of {@value #MARGIN} points. */
	private static byte[] pdf(String title, PdfPages.Content content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfPages.write(out, title, MARGIN, LEADING, content);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static void title(PdfPages pdf, String text) {
		pdf.paragraph(text, true, 15, 0);
		pdf.gap(4);
	}

	private static void heading(PdfPages pdf, String text) {
		gap(pdf);
		pdf.paragraph(text, true, 12, 0);
	}

	private static void paragraph(PdfPages pdf, String text, float indent) {
		pdf.paragraph(text, false, SIZE, indent);
	}

	private static void gap(PdfPages pdf) {
		pdf.gap(LEADING / 2);
	}
}
