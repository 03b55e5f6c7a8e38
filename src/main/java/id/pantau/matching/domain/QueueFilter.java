package id.pantau.matching.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import id.pantau.matching.domain.MatchCase.Kind;

/**
 * What a reviewer narrows a queue to: where the records came from (a batch of crossings or a village), the record's
 * nationality, the band of the best candidate's score, and the age of the person the record describes. Every part is
 * optional. Values are read from a page's address ({@code source=impor-12}, {@code age=18-30}) or from the API (the
 * same words, or the constants' names such as {@code FROM_18_TO_30}); see {@link MatchReview#filter}.
 *
 * @param source a batch of crossings or a village, or null for all
 * @param nationality a country's alpha-3 code, or null for all
 * @param score a band of the best candidate's score, or null for all
 * @param age a band of the age in years on the day of the query, or null for all
 */
public record QueueFilter(Source source, String nationality, ScoreBand score, AgeBand age) {

	public static final QueueFilter NONE = new QueueFilter(null, null, null, null);

	/** Whether a part of the filter is about the record itself (not the case), so the record is read to apply it. */
	public boolean readsRecords() {
		return (source != null && source.batchId() != null) || nationality != null || age != null;
	}

	/** A batch of crossings ({@code impor-12}) or a village's reports ({@code desa-81.72.01.2001}). */
	public record Source(Kind kind, Long batchId, String villageCode) {

		public static Source batch(long batchId) {
			return new Source(Kind.CROSSING, batchId, null);
		}

		public static Source village(String code) {
			return new Source(Kind.REPORT, null, code);
		}

		/** The value in a page's address. */
		public String slug() {
			return kind == Kind.CROSSING ? "impor-" + batchId : "desa-" + villageCode;
		}

		static Optional<Source> parse(String text) {
			String value = text.strip();
			String lower = value.toLowerCase(Locale.ROOT);
			for (String prefix : new String[] { "impor-", "batch-" }) {
				if (lower.startsWith(prefix) && value.substring(prefix.length()).matches("\\d{1,18}")) {
					return Optional.of(batch(Long.parseLong(value.substring(prefix.length()))));
				}
			}
			for (String prefix : new String[] { "desa-", "village-" }) {
				if (lower.startsWith(prefix) && value.substring(prefix.length()).matches("[0-9.]{1,20}")) {
					return Optional.of(village(value.substring(prefix.length())));
				}
			}
			return Optional.empty();
		}
	}

	/** Bands of the best candidate's score (a probability); a case without a candidate is in the lowest band. */
	public enum ScoreBand {

		HIGH("90-100"), MIDDLE("50-90"), LOW("0-50");

		private final String slug;

		ScoreBand(String slug) {
			this.slug = slug;
		}

		public String slug() {
			return slug;
		}

		static Optional<ScoreBand> parse(String text) {
			return Arrays.stream(values()).filter(v -> v.slug.equals(text.strip()) || v.name().equalsIgnoreCase(
					text.strip())).findFirst();
		}
	}

	/** Bands of age in whole years; UNKNOWN when the record gives no birth date, year or age. */
	public enum AgeBand {

		UNDER_18("0-17", null, 17), FROM_18_TO_30("18-30", 18, 30), FROM_31_TO_50("31-50", 31, 50),
		OVER_50("51-", 51, null), UNKNOWN("tidak-diketahui", null, null);

		private final String slug;
		private final Integer from;
		private final Integer to;

		AgeBand(String slug, Integer from, Integer to) {
			this.slug = slug;
			this.from = from;
			this.to = to;
		}

		public String slug() {
			return slug;
		}

		/** The youngest age in the band, or null. */
		Integer from() {
			return from;
		}

		/** The oldest age in the band, or null. */
		Integer to() {
			return to;
		}

		static Optional<AgeBand> parse(String text) {
			return Arrays.stream(values()).filter(v -> v.slug.equals(text.strip()) || v.name().equalsIgnoreCase(
					text.strip())).findFirst();
		}
	}

	/** The order of a queue; every order ends with the case's id, so pages neither skip nor repeat a case. */
	public enum Sort {

		/** The best candidate's score, highest first: the likeliest links first. */
		SCORE("skor"),
		/** The best candidate's score, lowest first. */
		SCORE_LOWEST("skor-terendah"),
		/** When the record was made (the crossing, or the village's report), newest first. */
		NEWEST_RECORD("tanggal-terbaru"),
		/** When the record was made, oldest first. */
		OLDEST_RECORD("tanggal-terlama"),
		/** The name as the record writes it, A to Z. */
		NAME("nama"),
		/** When the case was matched or last decided, newest first. */
		LATEST("terbaru");

		private final String slug;

		Sort(String slug) {
			this.slug = slug;
		}

		public String slug() {
			return slug;
		}

		static Optional<Sort> parse(String text) {
			return Arrays.stream(values()).filter(v -> v.slug.equals(text.strip()) || v.name().equalsIgnoreCase(
					text.strip())).findFirst();
		}
	}
}
