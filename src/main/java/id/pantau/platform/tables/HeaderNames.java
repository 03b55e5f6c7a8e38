package id.pantau.platform.tables;

import java.text.Normalizer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Column headers as people write them, folded so that {@code Nomor Dokumen}, {@code nomor_dokumen} and {@code NOMOR-DOKUMEN} match. */
public final class HeaderNames {

	private HeaderNames() {
	}

	/** A header without case, accents, spacing or punctuation: lower-case words joined by {@code _}. */
	public static String key(String header) {
		String folded = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKD)
				.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
		return folded.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
	}

	/**
	 * Where each column is in {@code header}: the first header whose key is one of the column's {@code names} (keys
	 * as {@link #key} makes them); a column the header does not name is left out.
	 */
	public static <C extends Enum<C>> Map<C, Integer> columns(List<String> header, Class<C> type,
			Function<C, Collection<String>> names) {
		Map<C, Integer> columns = new EnumMap<>(type);
		for (int i = 0; i < header.size(); i++) {
			String key = key(header.get(i));
			for (C column : type.getEnumConstants()) {
				if (names.apply(column).contains(key)) {
					columns.putIfAbsent(column, i);
				}
			}
		}
		return columns;
	}
}
