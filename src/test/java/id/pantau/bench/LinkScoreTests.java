package id.pantau.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.bench.LinkScore.Link;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinkScoreTests {

	@Test
	void countsRightAndWrongMatchesReviewsAndMissingRows() {
		Map<String, String> truth = new LinkedHashMap<>();
		truth.put("R1", "P1"); // MATCH right
		truth.put("R2", "P2"); // MATCH right
		truth.put("R3", "P3"); // MATCH to another person: false positive and false negative
		truth.put("R4", "");   // MATCH of someone not in the registry: false positive
		truth.put("R5", "P5"); // REVIEW with the right candidate: a false negative for recall
		truth.put("R6", "");   // REVIEW of someone not in the registry
		truth.put("R7", "P7"); // NONE
		truth.put("R8", "P8"); // no row at all: counted as NONE
		truth.put("R9", "");   // NONE, right
		Map<String, Link> links = Map.of(
				"R1", new Link("P1", "MATCH"), "R2", new Link("P2", "MATCH"), "R3", new Link("P9", "MATCH"),
				"R4", new Link("P4", "MATCH"), "R5", new Link("P5", "REVIEW"), "R6", new Link("P6", "REVIEW"),
				"R7", new Link("", "NONE"), "R9", new Link("P1", "NONE"), "X1", new Link("P1", "MATCH"));

		LinkScore score = LinkScore.of(truth, links);

		assertThat(score.records()).isEqualTo(9);
		assertThat(score.recordsWithTruth()).isEqualTo(6);
		assertThat(score.matches()).isEqualTo(4);
		assertThat(score.rightMatches()).isEqualTo(2);
		assertThat(score.wrongPersonMatches()).isEqualTo(1);
		assertThat(score.matchesOfUnknown()).isEqualTo(1);
		assertThat(score.reviews()).isEqualTo(2);
		assertThat(score.reviewsRightCandidate()).isEqualTo(1);
		assertThat(score.reviewsOfUnknown()).isEqualTo(1);
		assertThat(score.nones()).isEqualTo(3);
		assertThat(score.missingRows()).isEqualTo(1);
		assertThat(score.unknownRows()).isEqualTo(1);
		assertThat(score.precision()).isCloseTo(2.0 / 4, within(1e-12));
		assertThat(score.recall()).isCloseTo(2.0 / 6, within(1e-12));
		assertThat(score.f1()).isCloseTo(2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3), within(1e-12));
		assertThat(score.reviewShare()).isCloseTo(2.0 / 9, within(1e-12));
		assertThat(score.reviewRightShare()).isCloseTo(0.5, within(1e-12));
		assertThat(score.recallWithReview()).isCloseTo(3.0 / 6, within(1e-12));
	}

	@Test
	void sweepsThresholdsOverScoredCandidates() {
		Map<String, String> truth = Map.of("R1", "P1", "R2", "P2", "R3", "", "R4", "P4");
		Map<String, Link> links = Map.of("R1", new Link("P1", "MATCH", 0.99), "R2", new Link("P2", "REVIEW", 0.90),
				"R3", new Link("P3", "MATCH", 0.95), "R4", new Link("", "NONE", Double.NaN));

		LinkScore.AtThreshold[] sweep = LinkScore.sweep(truth, links, 0.98);

		// at 0.99: P 1, R 1/3; at 0.95: P 1/2, R 1/3; at 0.90: P 2/3, R 2/3 (best F1 2/3)
		assertThat(sweep[0].threshold()).isEqualTo(0.90);
		assertThat(sweep[0].f1()).isCloseTo(2.0 / 3, within(1e-12));
		assertThat(sweep[1].threshold()).isEqualTo(0.99);
		assertThat(sweep[1].recall()).isCloseTo(1.0 / 3, within(1e-12));
	}

	@Test
	void noMatchesGivesZeroNotNaN() {
		LinkScore score = LinkScore.of(Map.of("R1", "P1"), Map.of("R1", new Link("", "NONE")));

		assertThat(score.precision()).isZero();
		assertThat(score.recall()).isZero();
		assertThat(score.f1()).isZero();
	}

	@Test
	void readsLinksByHeaderNameAndQuotedFields() throws Exception {
		Path file = Files.createTempFile("links", ".csv");
		Files.writeString(file, "decision,score,person_id,record_id\nMATCH,0.99,P1,\"R1\"\nreview,,P2,R2\n");

		Map<String, Link> links = LinkScore.readLinks(file);

		assertThat(links).containsEntry("R1", new Link("P1", "MATCH", 0.99));
		assertThat(links.get("R2").decision()).isEqualTo("REVIEW");
		assertThat(links.get("R2").score()).isNaN();
		Files.delete(file);
	}
}
