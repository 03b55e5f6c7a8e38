package id.pantau.reference.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import id.pantau.platform.tables.DelimitedRows;
import org.junit.jupiter.api.Test;

class CoordinatesTests {

	@Test
	void parsesSouthernAndEasternDegreesMinutesSeconds() {
		var point = Coordinates.parse("05°42'04.00\" S 132°16'14.00\" E").orElseThrow();
		assertThat(point.lat()).isEqualByComparingTo(new BigDecimal("-5.701111"));
		assertThat(point.lon()).isEqualByComparingTo(new BigDecimal("132.270556"));
	}

	@Test
	void parsesNorthernLatitudesAsPositive() {
		var point = Coordinates.parse("03°19'03.44\" N 097°07'41.73\" E").orElseThrow();
		assertThat(point.lat()).isPositive();
	}

	@Test
	void somethingElseIsNoPoint() {
		assertThat(Coordinates.parse("")).isEmpty();
		assertThat(Coordinates.parse(null)).isEmpty();
		assertThat(Coordinates.parse("5.7 S, 132.2 E")).isEmpty();
	}

	@Test
	void csvKeepsQuotedCommasAndDoubledQuotes() {
		assertThat(DelimitedRows.fields("81.72.40001,81.72,\"05°42'04.00\"\" S 132°16'14.00\"\" E\",0,0,Nus Rens"))
				.isEqualTo(List.of("81.72.40001", "81.72", "05°42'04.00\" S 132°16'14.00\" E", "0", "0", "Nus Rens"));
	}
}
