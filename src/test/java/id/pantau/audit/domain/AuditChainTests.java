package id.pantau.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditChainTests {

	private static final Instant AT = Instant.parse("2026-11-27T01:02:03.456789Z");

	@Test
	void sameContentAndPredecessorGiveTheSameHash() {
		String a = AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72", "127.0.0.1", "{}");
		String b = AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72", "127.0.0.1", "{}");
		assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
	}

	@Test
	void anyChangedFieldOrPredecessorChangesTheHash() {
		String base = AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72", null, "{}");
		assertThat(AuditChain.hash("1".repeat(64), 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72", null, "{}")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 2, AT, "admin", "USER_CREATED", "USER", "7", "81.72", null, "{}")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1000), "admin", "USER_CREATED", "USER", "7", "81.72", null, "{}")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72.01", null, "{}")).isNotEqualTo(base);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "admin", "USER_CREATED", "USER", "7", "81.72", null, "{\"a\":\"b\"}")).isNotEqualTo(base);
	}

	@Test
	void fieldBoundariesCannotBeShiftedBetweenFields() {
		String a = AuditChain.hash(AuditChain.GENESIS, 1, AT, "ad", "min", null, null, null, null, "{}");
		String b = AuditChain.hash(AuditChain.GENESIS, 1, AT, "adm", "in", null, null, null, null, "{}");
		String c = AuditChain.hash(AuditChain.GENESIS, 1, AT, "a\",\"d", "min", null, null, null, null, "{}");
		assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
		assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, "x", "y", null, null, null, null, "{}"))
				.isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, "x", "y", "", null, null, null, "{}"));
	}

	@Test
	void detailsAreWrittenWithSortedKeysAndEscapedValues() {
		assertThat(AuditChain.details(Map.of("b", "2", "a", "say \"hi\"\n")))
				.isEqualTo("{\"a\":\"say \\\"hi\\\"\\n\",\"b\":\"2\"}");
	}
}
