package id.pantau.platform.tables;

import java.text.Normalizer;
import java.util.Locale;

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
}
