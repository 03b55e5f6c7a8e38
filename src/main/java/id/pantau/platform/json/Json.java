package id.pantau.platform.json;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON with Jackson, compact (no spaces), in one fixed form: the text of a value is the same on every run and
 * every machine, so that a hash can be taken over it (the audit chain's rows are hashed over it).
 * <p>
 * Strings are escaped as the audit chain has escaped them since its first row, and must stay so or old rows no longer
 * verify: {@code "} and {@code \} with a backslash, line feed, carriage return and tab as {@code \n \r \t}, every
 * other control character below U+0020 as {@code \}{@code u} and four lower-case hex digits ({@code \}{@code u0008},
 * not Jackson's {@code \b}), everything else as it is (no escaping of non-ASCII). Write to a {@link String} (never to
 * bytes): a lone surrogate then stays as it is, and {@link String#getBytes} turns it into {@code ?} as it always did.
 * Maps are written in their own order: pass a sorted map where the order must not depend on insertion.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
			.characterEscapes(new ChainEscapes()).build()).build();

	private Json() {
	}

	/** {@code value} as compact JSON text. */
	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** The escapes described on the class. */
	private static final class ChainEscapes extends CharacterEscapes {

		private static final long serialVersionUID = 1L;
		private static final int[] ESCAPES = escapes();
		private static final SerializedString[] CONTROL = new SerializedString[0x20];

		static {
			for (int c = 0; c < CONTROL.length; c++) {
				CONTROL[c] = new SerializedString(String.format("\\u%04x", c));
			}
		}

		private static int[] escapes() {
			int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
			for (int c = 0; c < 0x20; c++) {
				if (c != '\n' && c != '\r' && c != '\t') {
					escapes[c] = ESCAPE_CUSTOM;
				}
			}
			return escapes;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return ESCAPES;
		}

		@Override
		public SerializableString getEscapeSequence(int c) {
			return c < CONTROL.length ? CONTROL[c] : null;
		}
	}
}
