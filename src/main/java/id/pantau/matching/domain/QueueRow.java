package id.pantau.matching.domain;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.platform.DisplayTime;
import id.pantau.registry.BirthDate;

/**
 * A case in a queue with the record it is about, as its owner holds it now: what a reviewer needs to see in the list
 * before opening the case.
 *
 * @param documentNumber a crossing's document, or the numbers a village wrote
 * @param birthDate a crossing's birth date, or null
 * @param birthYear a crossing's birth year when the date is not known, or null
 * @param birthText a village report's age or birth date as written, or null
 * @param nationality a country's alpha-3 code, or null (a report may only have {@code nationalityText})
 * @param nationalityText the nationality as a village wrote it, or null
 * @param sex M, F or X, or null
 * @param portCode a crossing's port of entry, or null
 * @param direction a crossing's direction (ENTRY, EXIT), or null
 * @param recordAt when the crossing happened or the report was made
 * @param batchId a crossing's import batch, or null
 * @param age the age in whole years today, or null when the record gives no birth date, year or age
 */
public record QueueRow(MatchCase matchCase, String documentNumber, LocalDate birthDate, Integer birthYear,
		String birthText, String nationality, String nationalityText, String sex, String portCode, String direction,
		Instant recordAt, Long batchId, Integer age) {

	public boolean isCrossing() {
		return matchCase.kind() == Kind.CROSSING;
	}

	/** The birth as far as the record tells it, as people write it: {@code 07-03-1985}, {@code 1985}, or null. */
	public String birth() {
		if (birthDate != null) {
			return DisplayTime.DAY.format(birthDate);
		}
		if (birthYear != null) {
			return birthYear.toString();
		}
		if (birthText != null && recordAt != null) {
			BirthDate read = RecordVariants.birth(birthText, recordAt.atZone(DisplayTime.ZONE).toLocalDate());
			return read.isKnown() ? read.display() : null;
		}
		return null;
	}

	/** The day the record was made, in Maluku's time. */
	public LocalDate recordDay() {
		return recordAt == null ? null : recordAt.atZone(DisplayTime.ZONE).toLocalDate();
	}

	/** The band the best candidate's score lies in, or null without a candidate. */
	public QueueFilter.ScoreBand scoreBand() {
		Double score = matchCase.score();
		if (score == null) {
			return null;
		}
		return score >= 0.9 ? QueueFilter.ScoreBand.HIGH
				: score >= 0.5 ? QueueFilter.ScoreBand.MIDDLE : QueueFilter.ScoreBand.LOW;
	}

	/**
	 * The best candidate's score in tenths (1 to 10) for a bar, 0 without a candidate; a score above zero shows at
	 * least one tenth.
	 */
	public int tenths() {
		Double score = matchCase.score();
		if (score == null) {
			return 0;
		}
		return (int) Math.max(1, Math.min(10, Math.round(score * 10)));
	}

	/** A crossing batch as a reviewer recognises it: its file (or origin, for the API) and its day. */
	public record Batch(long id, String fileName, String origin, Instant createdAt) {

		public String label() {
			String what = fileName != null && !fileName.isBlank() ? fileName : origin;
			return what + " · " + DisplayTime.DAY.format(createdAt.atZone(DisplayTime.ZONE));
		}
	}
}
