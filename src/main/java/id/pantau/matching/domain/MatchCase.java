package id.pantau.matching.domain;

import java.time.Instant;
import java.util.List;

import id.pantau.matching.linkage.Comparison;
import id.pantau.matching.linkage.Decision;

/**
 * One record (a crossing, a village report or a row of an imported list) compared with the registry: what the linker proposed and what people
 * decided since.
 *
 * @param regionCode the village of a report; null for a crossing, which only regency-wide users see
 * @param personId the person the record is linked to, if any
 * @param score the best candidate's match probability, if there was a candidate
 */
public record MatchCase(long id, Kind kind, long recordId, String regionCode, String recordName, Decision proposal,
		boolean namesakes, State state, Long personId, Double score, Instant matchedAt, String decidedBy,
		Instant decidedAt, String reason, int version) {

	public enum Kind {
		CROSSING, REPORT,
		/** A row of a list of foreigners imported into the registry (Kesbangpol's existing list). */
		ROSTER;

		/** Whether records of this kind have no village of their own, so that only regency-wide users see them. */
		public boolean isUnplaced() {
			return this != REPORT;
		}
	}

	public enum State {

		/** Linked by the linker without asking; can be undone. */
		LINKED,
		/** Waits for a person: a likely candidate to confirm, namesakes to tell apart, or a new person to create. */
		PENDING,
		/** A person chose the candidate. */
		CONFIRMED,
		/** A person found that none of the candidates is the record's person. */
		REJECTED,
		/** A person registered the record as a new person. */
		NEW_PERSON;

		/** Decided by a person (an automatic link is not: it can still be confirmed or corrected). */
		public boolean isDecided() {
			return this == CONFIRMED || this == REJECTED || this == NEW_PERSON;
		}
	}

	/** A person the record was compared with, and what each field contributed. */
	public record Candidate(long personId, int rank, double probability, double matchWeight, int pattern,
			List<FieldScore> fields) {

		/** The linker's comparison of a record with the person {@code personId}, at {@code rank}. */
		static Candidate of(long personId, int rank, Comparison comparison) {
			return new Candidate(personId, rank, comparison.probability(), comparison.matchWeight(),
					comparison.pattern(), comparison.contributions().stream()
							.map(c -> new FieldScore(c.field().key(), c.level(), c.levelWeight(),
									c.frequencyAdjustment(), c.recordValue(), c.personValue()))
							.toList());
		}

		Candidate ranked(int newRank) {
			return new Candidate(personId, newRank, probability, matchWeight, pattern, fields);
		}
	}

	/**
	 * One field of a pair: the comparison level, its weight in bits, the term-frequency adjustment, and the two values
	 * as compared.
	 */
	public record FieldScore(String field, String level, double weight, double frequencyAdjustment, String recordValue,
			String personValue) {

		public double total() {
			return weight + frequencyAdjustment;
		}
	}
}
