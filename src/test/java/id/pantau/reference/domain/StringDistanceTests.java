package id.pantau.reference.domain;

import static id.pantau.reference.domain.StringDistance.damerauLevenshtein;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringDistanceTests {

	@ParameterizedTest(name = "{0} to {1} is {2}")
	@CsvSource({ "BURMA, BURMA, 0", "TAILAND, THAILAND, 1", "MYANMR, MYANMAR, 1", "BRUMA, BURMA, 1",
			"KITTEN, SITTING, 3", "'', ABC, 3", "CA, ABC, 3" })
	void countsEditsAndAdjacentTranspositions(String a, String b, int distance) {
		assertThat(damerauLevenshtein(a, b, 10)).isEqualTo(distance);
		assertThat(damerauLevenshtein(b, a, 10)).isEqualTo(distance);
	}

	@Test
	void stopsAtTheLimit() {
		assertThat(damerauLevenshtein("KITTEN", "SITTING", 1)).isEqualTo(2);
		assertThat(damerauLevenshtein("A", "ABCDEFG", 2)).isEqualTo(3);
	}
}
