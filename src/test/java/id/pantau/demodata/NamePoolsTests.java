package id.pantau.demodata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NamePoolsTests {

	@Test
	void aGeneratorMayDrawFromThePoolsFirstNamesOnly() {
		String[] all = NamePools.names("myanmar");
		assertThat(all).hasSize(60).startsWith("AUNG", "KYAW", "MIN");
		assertThat(NamePools.names("myanmar", 3)).containsExactly("AUNG", "KYAW", "MIN");
	}

	@Test
	void anUnknownPoolOrTooManyNamesAreRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> NamePools.names("klingon"))
				.withMessageContaining("klingon");
		assertThatIllegalArgumentException().isThrownBy(() -> NamePools.names("rohingya-given", 6))
				.withMessageContaining("rohingya-given has 5 names");
	}

	@Test
	void theCommonestNamesAreDrawnMostOften() {
		NamePools.Zipf pool = NamePools.zipf("viet-family");
		Random random = new Random(46_301);
		Map<String, Integer> drawn = new HashMap<>();
		for (int i = 0; i < 20_000; i++) {
			drawn.merge(pool.pick(random), 1, Integer::sum);
		}
		// Zipf weights: the first name about twice as often as the second, twenty times as often as the twentieth
		assertThat(drawn.get("NGUYEN")).isBetween((int) (1.7 * drawn.get("TRAN")), (int) (2.3 * drawn.get("TRAN")));
		assertThat(drawn.get("NGUYEN")).isGreaterThan(10 * drawn.get("MAI"));
	}
}
