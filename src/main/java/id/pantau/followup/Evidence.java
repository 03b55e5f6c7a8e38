package id.pantau.followup;

import java.time.LocalDate;

/**
 * One fact behind an alert: a crossing, a permit, a report, a vessel, a person, a document, a village or a monthly
 * report, with a short label and its date as the detection rule wrote them.
 *
 * @param type {@code CROSSING}, {@code PERMIT}, {@code REPORT}, {@code VESSEL}, {@code PERSON}, {@code DOCUMENT},
 * {@code VILLAGE} or {@code PERIODIC_REPORT}
 * @param date an ISO day ({@code yyyy-mm-dd}) as stored with the alert, or null
 */
public record Evidence(String type, String id, String label, String date) {

	/** The fact as a rule states it; its day is kept as an ISO day. */
	public static Evidence of(String type, Object id, String label, LocalDate date) {
		return new Evidence(type, id == null ? null : id.toString(), label, date == null ? null : date.toString());
	}

	/** Where the fact can be looked at in Pantau, or null; {@code personId} is the alert's person. */
	public String link(Long personId) {
		String safeId = id == null ? "" : id.strip();
		boolean numeric = safeId.matches("\\d{1,18}");
		return switch (type == null ? "" : type) {
			case "PERSON" -> numeric ? "/orang-asing/" + safeId : null;
			case "REPORT" -> numeric ? "/laporan/" + safeId : null;
			case "CROSSING" -> date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")
					? "/perlintasan?from=" + date + "&to=" + date : "/perlintasan";
			case "VILLAGE" -> safeId.matches("[0-9.]{2,13}") ? "/wilayah/" + safeId : null;
			case "PERIODIC_REPORT" -> "/laporan/kelengkapan";
			case "VESSEL" -> "/kapal";
			case "PERMIT", "DOCUMENT" -> personId != null ? "/orang-asing/" + personId : null;
			default -> null;
		};
	}
}
