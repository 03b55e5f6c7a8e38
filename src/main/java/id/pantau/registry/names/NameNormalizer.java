package id.pantau.registry.names;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one normaliser through which search and record linkage compare names. Stateless and thread-safe.
 * <p>
 * {@link #normalize(String)} folds a raw name, in this order:
 * <ol>
 * <li>Zero-width and bidi control characters (U+200B..U+200F, U+202A..U+202E, U+2060, U+2066..U+2069, U+FEFF, soft
 * hyphen U+00AD) are removed, and so are apostrophes ({@code ' ’ ‘ ʼ ʻ ` ´}): {@code O'BRIEN} becomes
 * {@code OBRIEN}.</li>
 * <li>Upper case ({@link Locale#ROOT}), Unicode NFKD, and combining marks removed from Latin, Greek and Cyrillic
 * letters: {@code NGUYỄN VĂN HÙNG} becomes {@code NGUYEN VAN HUNG}, full-width letters become ASCII. Letters that
 * NFKD does not decompose are mapped: Đ D, Ð D, Ł L, Ø O, ß SS, Æ AE, Œ OE, Þ TH, ı I. Names in other scripts
 * (Thai, Burmese, Khmer, Chinese...) keep their letters and marks: they still compare equal to themselves.</li>
 * <li>Structure: a {@code <<} splits an MRZ name into surname and given names ({@code NGUYEN<<VAN<HUNG}); otherwise a
 * single comma splits {@code SURNAME, GIVEN NAMES}. Two or more commas are only separators.</li>
 * <li>Tokens: everything that is not a letter (spaces, {@code <}, hyphens, dots, commas, slashes, digits, other
 * punctuation) separates tokens: {@code JEAN-PIERRE} gives {@code JEAN PIERRE}, {@code MG.THEIN} gives
 * {@code MG THEIN}.</li>
 * <li>Leading honorifics ({@link #HONORIFICS}) are removed from the start of the name (and, in the structured forms,
 * from the start of the given names, where {@code SMITH, MR JOHN} puts them), but never the last remaining token: a
 * man called just {@code MAUNG} keeps his name, {@code U KYAW MIN} becomes {@code KYAW MIN}. Titles are only removed
 * at the start because the same words are also names ({@code KYAW MAUNG}).</li>
 * </ol>
 * Null, blank or punctuation-only input gives {@link NormalizedName#EMPTY}; no input throws.
 */
public final class NameNormalizer {

	/**
	 * Honorifics and titles removed from the start of a name (only while another token follows).
	 * <ul>
	 * <li>Burmese: U (Mr, elder man), DAW (Mrs, elder woman), KO (elder brother, young man), MAUNG and its
	 * abbreviation MG (young man, boy), MA (young woman), SAYA and SAYAR (teacher), THRA (Karen: Mr, teacher).
	 * Burmese names have no surname, so these are the only parts that come and go between documents.</li>
	 * <li>English: MR, MRS, MS, MISS, DR, SIR.</li>
	 * <li>Indonesian: PAK, BAPAK, BU, IBU, TUAN, NYONYA, NY, SDR, SDRA, SDRI (saudara/saudari), HAJI, HJ, HAJAH,
	 * HAJJAH.</li>
	 * </ul>
	 * Not removed: a single leading {@code H} (Haji), because it cannot be told from an initial; Thai (NAI, NANG,
	 * KHUN) and Vietnamese (ONG, BA) titles, because officials rarely write them and ONG is also a surname.
	 */
	public static final Set<String> HONORIFICS = Set.of("U", "DAW", "KO", "MAUNG", "MG", "MA", "SAYA", "SAYAR", "THRA",
			"MR", "MRS", "MS", "MISS", "DR", "SIR", "PAK", "BAPAK", "BU", "IBU", "TUAN", "NYONYA", "NY", "SDR", "SDRA",
			"SDRI", "HAJI", "HJ", "HAJAH", "HAJJAH");

	private static final Map<Integer, String> UNDECOMPOSED = Map.ofEntries(Map.entry((int) 'Đ', "D"),
			Map.entry((int) 'đ', "D"), Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "D"), Map.entry((int) 'Ł', "L"),
			Map.entry((int) 'ł', "L"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'ø', "O"), Map.entry((int) 'ß', "SS"),
			Map.entry((int) 'ẞ', "SS"), Map.entry((int) 'Æ', "AE"), Map.entry((int) 'æ', "AE"),
			Map.entry((int) 'Œ', "OE"), Map.entry((int) 'œ', "OE"), Map.entry((int) 'Þ', "TH"),
			Map.entry((int) 'þ', "TH"), Map.entry((int) 'ı', "I"));

	private static final Set<UnicodeScript> MARKS_REMOVED = Set.of(UnicodeScript.LATIN, UnicodeScript.GREEK,
			UnicodeScript.CYRILLIC, UnicodeScript.COMMON, UnicodeScript.INHERITED, UnicodeScript.UNKNOWN);

	private static final int MAX_FOLD_ROUNDS = 4;

	private NameNormalizer() {
	}

	public static NormalizedName normalize(String raw) {
		if (raw == null || raw.isBlank()) {
			return NormalizedName.EMPTY;
		}
		String text = fold(raw);
		List<List<String>> parts = new ArrayList<>();
		boolean structured = true;
		int mrz = text.indexOf("<<");
		int comma = text.indexOf(',');
		if (mrz >= 0) {
			parts.add(tokenize(text.substring(0, mrz)));
			parts.add(tokenize(text.substring(mrz + 2)));
		}
		else if (comma >= 0 && comma == text.lastIndexOf(',')) {
			parts.add(tokenize(text.substring(0, comma)));
			parts.add(tokenize(text.substring(comma + 1)));
		}
		else {
			parts.add(tokenize(text));
			structured = false;
		}
		removeLeadingHonorifics(parts);
		List<String> tokens = parts.stream().flatMap(List::stream).toList();
		if (tokens.isEmpty()) {
			return NormalizedName.EMPTY;
		}
		return structured ? new NormalizedName(tokens, String.join(" ", parts.get(0)), String.join(" ", parts.get(1)))
				: new NormalizedName(tokens, null, null);
	}

	/**
	 * Folds one token the way Indonesian officials tend to respell Southeast Asian names they hear, for an extra,
	 * looser search key (never instead of the tokens). The rules are applied in this order, and again until none
	 * applies, so respelling a respelled token changes nothing:
	 * <ol>
	 * <li>{@code HH} becomes {@code H} (Khmer {@code CHHAY} = {@code CHAY}).</li>
	 * <li>A leading {@code X} becomes {@code S}: Vietnamese and Lao X sounds as S ({@code XUAN} = {@code SUAN},
	 * {@code XAYSANA} = {@code SAYSANA}).</li>
	 * <li>A leading {@code H} before L, M, N, S or T is dropped: Burmese {@code HTUN} = {@code TUN}, {@code HLA} =
	 * {@code LA}, {@code HNIN} = {@code NIN}, {@code HSU} = {@code SU}.</li>
	 * <li>{@code PH} and {@code F} become {@code P}: Thai PH is an aspirated P ({@code SOMPHONG} = {@code SOMPONG}),
	 * Vietnamese PH is an F ({@code PHUONG} = {@code FUONG}), and many Indonesian speakers say P for F
	 * ({@code FILIPINA}/{@code PILIPINA}): so all three meet at P.</li>
	 * <li>{@code TH} becomes {@code T}, {@code KH} {@code K}, {@code GH} {@code G}, {@code CH} {@code C} (Indonesian
	 * spelling writes the CH sound as C: {@code SOMCHAI} = {@code SOMCAI}), {@code DZ} {@code Z}.</li>
	 * <li>{@code Q} becomes {@code K} ({@code QUANG} = {@code KUANG}), {@code V} becomes {@code W} (Lao
	 * {@code VONGSA} = Thai {@code WONGSA}).</li>
	 * <li>{@code OU} and {@code OO} become {@code U}, {@code EE} becomes {@code I} (Lao {@code KHAMPHOUT} =
	 * {@code KAMPUT}, Burmese {@code HTOO} = {@code TU}, {@code LEE} = {@code LI}).</li>
	 * <li>A {@code Y} after a vowel and not before one becomes {@code I}: Lao {@code SOMCHAY} = Thai
	 * {@code SOMCHAI}; {@code KYAW} and {@code MAYA} keep their Y.</li>
	 * <li>Doubled letters are single ({@code SOMMAI} = {@code SOMAI}, {@code SUWANNA} = {@code SUWANA}).</li>
	 * </ol>
	 * A token with anything but the letters A to Z (a name in another script) is returned unchanged; null gives "".
	 */
	public static String respell(String token) {
		if (token == null) {
			return "";
		}
		for (int i = 0; i < token.length(); i++) {
			if (token.charAt(i) < 'A' || token.charAt(i) > 'Z') {
				return token;
			}
		}
		String previous;
		String current = token;
		do {
			previous = current;
			current = respellOnce(current);
		}
		while (!current.equals(previous));
		return current;
	}

	private static String respellOnce(String token) {
		String t = token.replace("HH", "H");
		if (t.startsWith("X")) {
			t = "S" + t.substring(1);
		}
		if (t.length() > 1 && t.charAt(0) == 'H' && "LMNST".indexOf(t.charAt(1)) >= 0) {
			t = t.substring(1);
		}
		t = t.replace("PH", "P").replace('F', 'P');
		t = t.replace("TH", "T").replace("KH", "K").replace("GH", "G").replace("CH", "C").replace("DZ", "Z");
		t = t.replace('Q', 'K').replace('V', 'W');
		t = t.replace("OU", "U").replace("OO", "U").replace("EE", "I");
		StringBuilder out = new StringBuilder(t.length());
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			if (c == 'Y' && i > 0 && isVowel(t.charAt(i - 1)) && (i + 1 == t.length() || !isVowel(t.charAt(i + 1)))) {
				c = 'I';
			}
			if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean isVowel(char c) {
		return "AEIOU".indexOf(c) >= 0;
	}

	/**
	 * Upper case, Unicode folding, invisible characters and apostrophes removed; separators are kept so that the
	 * structure ({@code <<}, comma) can still be seen.
	 */
	static String fold(String raw) {
		String text = removeIgnorable(raw).toUpperCase(Locale.ROOT);
		// Upper-casing can yield characters that decompose again (and NFKD lower-case ones): repeat until stable.
		for (int round = 0; round < MAX_FOLD_ROUNDS; round++) {
			String folded = foldOnce(text);
			if (folded.equals(text)) {
				break;
			}
			text = folded;
		}
		return text;
	}

	private static String foldOnce(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		StringBuilder out = new StringBuilder(decomposed.length());
		UnicodeScript base = UnicodeScript.COMMON;
		for (int i = 0; i < decomposed.length();) {
			int cp = decomposed.codePointAt(i);
			i += Character.charCount(cp);
			if (isIgnorable(cp)) {
				continue;
			}
			if (isMark(cp)) {
				if (!MARKS_REMOVED.contains(base)) {
					out.appendCodePoint(cp);
				}
				continue;
			}
			base = UnicodeScript.of(cp);
			String mapped = UNDECOMPOSED.get(cp);
			if (mapped != null) {
				out.append(mapped);
			}
			else {
				out.appendCodePoint(cp);
			}
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}

	private static String removeIgnorable(String raw) {
		StringBuilder out = new StringBuilder(raw.length());
		raw.codePoints().filter(cp -> !isIgnorable(cp)).forEach(out::appendCodePoint);
		return out.toString();
	}

	/** Zero-width, bidi controls, soft hyphen, byte-order mark, and apostrophes (which join: O'BRIEN is OBRIEN). */
	private static boolean isIgnorable(int cp) {
		return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069)
				|| cp == 0xFEFF || cp == 0x00AD || cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x2018
				|| cp == 0x2019 || cp == 0x02BC || cp == 0x02BB;
	}

	private static boolean isMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	/** Letters (with the marks kept after letters of other scripts) make tokens; anything else separates them. */
	private static List<String> tokenize(String text) {
		List<String> tokens = new ArrayList<>();
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetter(cp) || (isMark(cp) && !token.isEmpty())) {
				token.appendCodePoint(cp);
			}
			else if (!token.isEmpty()) {
				tokens.add(token.toString());
				token.setLength(0);
			}
		}
		if (!token.isEmpty()) {
			tokens.add(token.toString());
		}
		return tokens;
	}

	/** From the start of each part, while another token remains anywhere in the name. */
	private static void removeLeadingHonorifics(List<List<String>> parts) {
		int remaining = parts.stream().mapToInt(List::size).sum();
		for (List<String> part : parts) {
			while (!part.isEmpty() && remaining > 1 && HONORIFICS.contains(part.get(0))) {
				part.remove(0);
				remaining--;
			}
		}
	}
}
