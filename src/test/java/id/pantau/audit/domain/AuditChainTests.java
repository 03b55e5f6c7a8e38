package id.pantau.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

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

	@Test
	void rowsHashedBeforeJacksonWroteTheCanonicalTextStillVerify() {
		// computed by the hand-written escaper that wrote the chain before Jackson did (commit 9a9e54c)
		String details = AuditChain.details(new TreeMap<>(Map.of("name",
				"NGUYỄN \"Văn\"\u0001\b\f\t\u001f\u007f\u2028 𝔸", "z", "a\\b\r\n")));
		assertThat(details).isEqualTo("{\"name\":\"NGUYỄN \\\"Văn\\\"\\u0001\\u0008\\u000c\\t\\u001f\u007f\u2028 𝔸\","
				+ "\"z\":\"a\\\\b\\r\\n\"}");
		assertThat(AuditChain.hash(AuditChain.GENESIS, 42, AT, "admin\u0000", "PERSON_VIEWED", "PERSON", "7",
				"81.72.01.2001", "127.0.0.1", details))
				.isEqualTo("52d5d425f995657f92de0df99a6278b53b54980efa226214508ae8b20c139d1c");
		assertThat(AuditChain.hash("ab".repeat(32), 43, Instant.parse("2026-01-01T00:00:00Z"), null, "LOGIN", null,
				null, null, null, "{}")).isEqualTo("3ae16f16b00af27ff49783953f54f3642b2bedc6be3b1c47009cbdf40cdae328");
	}

	@Test
	void jacksonWritesEveryTextAsTheHandWrittenEscaperDid() {
		Random random = new Random(18);
		char[] alphabet = "aZ09 \"\\/\n\r\t\b\f\u0000\u0001\u001f\u007f\u0080\u00e9\u1ec4\u2028\u2029\ud835\udd38\ud800\uffff<>&'".toCharArray();
		for (int n = 0; n < 2000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(12); i > 0; i--) {
				text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : alphabet[random.nextInt(alphabet.length)]);
			}
			String value = text.toString();
			assertThat(AuditChain.canonical(n, AT, value, "A", null, value, "", null, "{}"))
					.isEqualTo("[" + n + "," + legacy("2026-11-27T01:02:03.456789Z") + "," + legacy(value) + ",\"A\",null,"
							+ legacy(value) + ",\"\",null,\"{}\"]");
			assertThat(AuditChain.details(Map.of("k" + value, value)))
					.isEqualTo("{" + legacy("k" + value) + ":" + legacy(value) + "}");
		}
	}

	/** The escaper the chain was written with before Jackson, kept as the oracle. */
	private static String legacy(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}
}
