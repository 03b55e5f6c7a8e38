package id.pantau.followup.domain;

/**
 * One fact behind an alert: a crossing, a permit, a report, a vessel, a person, a document, a village or a monthly
 * report, with a label and a date as the detection rule wrote them.
 */
public record Evidence(String type, String id, String label, String date) {

	/** Where the fact can be looked at in Pantau, or null; {@code personId} is the alert's person. */
	public String link(Long personId) {
		String safeId = id == null ? "" : id.strip();
		boolean numeric = safeId.matches("\\d{1,18}");
		return switch (type == null ? "" : type) {
			case "PERSON" -> numeric ? "/orang-asing/" + safeId : null;
			case "REPORT" -> numeric ? "/laporan/" + safeId : null;
			case "CROSSING" -> date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")
					? "/perlintasan?dari=" + date + "&sampai=" + date : "/perlintasan";
			case "VILLAGE" -> safeId.matches("[0-9.]{2,13}") ? "/wilayah/" + safeId : null;
			case "PERIODIC_REPORT" -> "/laporan/kelengkapan";
			case "VESSEL" -> "/kapal";
			case "PERMIT", "DOCUMENT" -> personId != null ? "/orang-asing/" + personId : null;
			default -> null;
		};
	}
}
