package id.pantau.detection.rules;

import java.time.LocalDate;

/**
 * One fact behind a finding: which crossing, report, permit, vessel, person, document, village or monthly report,
 * with a short label and its date.
 *
 * @param type {@code CROSSING}, {@code PERMIT}, {@code REPORT}, {@code VESSEL}, {@code PERSON}, {@code DOCUMENT},
 * {@code VILLAGE} or {@code PERIODIC_REPORT}
 */
public record Evidence(String type, String id, String label, LocalDate date) {

	public static Evidence of(String type, Object id, String label, LocalDate date) {
		return new Evidence(type, id == null ? null : id.toString(), label, date);
	}
}
