package id.pantau.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import id.pantau.demodata.RegistryPopulation;
import id.pantau.platform.tables.DelimitedRows;

import static id.pantau.demodata.RegistryPopulation.*;

/**
 * Labelled data for record linkage, shaped like Kota Tual's foreigners: a registry of persons ({@code persons.csv}),
 * noisy village-style reports and crossings ({@code records.csv}) about some of them and about people who are not in
 * the registry, and the truth ({@code truth.csv}: record id, person id or empty). Both data files have the header
 * {@code id,full_name,sex,birth_date,nationality,document_number} of {@code pantau link}.
 * <p>
 * Every person has a true birth date, name, nationality and document; the registry shows some of it as Immigration or
 * Dukcapil wrote it, and each record shows it again as a village official heard it. The noise rates are constants
 * below and are listed in {@code bench/README.md}; a fixed seed makes every run the same data. Names come from the
 * Zipf-weighted pools of {@link RegistryPopulation}, so common names repeat; on top of that some persons are explicit
 * namesakes of an earlier person (same name, often the same birth year), so that a name alone is not enough.
 * <p>
 * Standalone: {@code java -Dpersons=20000 -Drecords=5000 -Dseed=2026 -Dout=DIR id.pantau.bench.LinkageData}.
 */
final class LinkageData {

	// --- registry ---
	/** Share of persons that copy the name (and nationality) of an earlier person. */
	static final double NAMESAKE = 0.06;
	/** Of those namesakes, the share born in the same year as the person they share the name with. */
	static final double NAMESAKE_SAME_YEAR = 0.5;
	/** How the registry shows the birth date: full, year only, or not at all. */
	static final double REGISTRY_BIRTH_FULL = 0.75;
	static final double REGISTRY_BIRTH_YEAR = 0.18;
	/** Share of persons with a document number in the registry (stateless persons never have one). */
	static final double REGISTRY_DOCUMENT = 0.88;
	/** Share of Burmese ex-crew documented as Thai (Burmese crew on Thai papers). */
	static final double BURMESE_ON_THAI_PAPERS = 0.10;
	/** Share of registry names written with an honorific (Burmese) or with diacritics (Vietnamese). */
	static final double REGISTRY_HONORIFIC = 0.10;
	static final double REGISTRY_DIACRITICS = 0.30;
	/** Share of registry nationalities written as alpha-2 or a name instead of alpha-3. */
	static final double REGISTRY_NATIONALITY_VARIANT = 0.10;

	// --- records ---
	/** Share of records about a registry person; the rest are about people who are not in the registry. */
	static final double RECORD_KNOWN = 0.70;
	/** Of the records about unknown people, the share that bear the exact name of a registry person. */
	static final double UNKNOWN_NAMESAKE = 0.35;
	static final double NAME_TOKEN_ORDER = 0.25;
	static final double NAME_HONORIFIC_ADDED = 0.20;
	static final double NAME_MIDDLE_DROPPED = 0.15;
	static final double NAME_RESPELLED = 0.40;
	static final double NAME_RESPELLED_TWICE = 0.12;
	static final double NAME_TYPO = 0.15;
	static final double NAME_DIACRITICS = 0.08;
	static final double NAME_SPOUSE_SURNAME = 0.25;
	static final double NAME_CASE = 0.30;
	static final double SEX_MISSING = 0.15;
	static final double SEX_WRONG = 0.01;
	static final double BIRTH_MISSING = 0.25;
	static final double BIRTH_YEAR_ONLY = 0.15;
	static final double BIRTH_DAY_MONTH_SWAPPED = 0.06;
	static final double BIRTH_YEAR_OFF = 0.06;
	static final double NATIONALITY_MISSING = 0.10;
	static final double NATIONALITY_WRONG = 0.02;
	/** Burmese on Thai papers: share of their records that say Myanmar (what they say) rather than Thailand. */
	static final double NATIONALITY_CLAIMED = 0.60;
	static final double DOCUMENT_SEEN = 0.55;
	static final double DOCUMENT_OTHER = 0.07;
	static final double DOCUMENT_OCR = 0.20;
	static final double DOCUMENT_SPACED = 0.20;
	static final double DOCUMENT_LOWER = 0.10;
	static final double DOCUMENT_DIGIT_TYPO = 0.05;
	static final double UNKNOWN_DOCUMENT_SEEN = 0.40;

	static final String HEADER = "id,full_name,sex,birth_date,nationality,document_number";

	enum Kind {
		EX_CREW, CREW, WORKER, TOURIST, RESEARCHER, SPOUSE, STUDENT, STATELESS
	}

	/** A person as they are (not as anyone wrote them). {@code nationality} null for stateless. */
	record Person(String id, Kind kind, List<String> name, boolean female, LocalDate born, String nationality,
			String documentedNationality, String document) {
	}

	/** Sizes and counts of what was written. */
	record Written(int persons, int records, int recordsAboutKnown, int namesakePersons, double seconds) {
	}

	/** Respellings as (from, to); applied to one occurrence inside a token. */
	private static final String[][] RESPELLINGS = { { "KYAW", "KYO" }, { "KYAW", "CHO" }, { "KYAW", "KIAW" },
			{ "HTUN", "TUN" }, { "HTET", "TET" }, { "HTOO", "TU" }, { "PH", "F" }, { "TH", "T" }, { "OO", "U" },
			{ "OU", "U" }, { "KH", "K" }, { "NGUYEN", "NGUYIN" }, { "NGUYEN", "NGUEN" }, { "NGUYEN", "NGUYN" },
			{ "EE", "I" }, { "AI", "AY" }, { "AY", "AI" }, { "HL", "L" }, { "V", "W" }, { "W", "V" }, { "X", "S" },
			{ "ZH", "J" }, { "Q", "C" }, { "CH", "C" }, { "Y", "I" }, { "EI", "E" }, { "MYINT", "MYIN" },
			{ "WIN", "WINN" }, { "SOE", "SO" }, { "AUNG", "ONG" }, { "NAING", "NAIN" }, { "OE", "U" }, { "EA", "IA" },
			{ "CHH", "C" }, { "SH", "S" }, { "J", "Y" }, { "UE", "U" }, { "CK", "K" } };

	private static final Map<String, String> VIETNAMESE_DIACRITICS = Map.ofEntries(Map.entry("NGUYEN", "NGUYỄN"),
			Map.entry("TRAN", "TRẦN"), Map.entry("LE", "LÊ"), Map.entry("PHAM", "PHẠM"), Map.entry("HOANG", "HOÀNG"),
			Map.entry("HUYNH", "HUỲNH"), Map.entry("VU", "VŨ"), Map.entry("VO", "VÕ"), Map.entry("DANG", "ĐẶNG"),
			Map.entry("BUI", "BÙI"), Map.entry("DO", "ĐỖ"), Map.entry("HO", "HỒ"), Map.entry("NGO", "NGÔ"),
			Map.entry("DUONG", "DƯƠNG"), Map.entry("TRUONG", "TRƯƠNG"), Map.entry("DINH", "ĐINH"),
			Map.entry("VAN", "VĂN"), Map.entry("THI", "THỊ"), Map.entry("DUC", "ĐỨC"), Map.entry("HUU", "HỮU"),
			Map.entry("NGOC", "NGỌC"), Map.entry("THANH", "THÀNH"), Map.entry("XUAN", "XUÂN"),
			Map.entry("CONG", "CÔNG"), Map.entry("HUNG", "HÙNG"), Map.entry("TUAN", "TUẤN"), Map.entry("DUNG", "DŨNG"),
			Map.entry("HAI", "HẢI"), Map.entry("HIEU", "HIẾU"), Map.entry("PHUONG", "PHƯƠNG"),
			Map.entry("QUAN", "QUÂN"), Map.entry("SON", "SƠN"), Map.entry("THANG", "THẮNG"), Map.entry("DAT", "ĐẠT"),
			Map.entry("TIEN", "TIẾN"), Map.entry("TOAN", "TOÀN"), Map.entry("TU", "TÚ"), Map.entry("BINH", "BÌNH"),
			Map.entry("CUONG", "CƯỜNG"), Map.entry("DUY", "DUY"), Map.entry("HUY", "HUY"), Map.entry("PHUC", "PHÚC"));

	/** How each nationality may be written: alpha-3 first, then alpha-2, Indonesian and English names, variants. */
	static final Map<String, String[]> NATIONALITY_WRITINGS = Map.ofEntries(
			Map.entry("MMR", new String[] { "MMR", "MM", "Myanmar", "Burma", "Birma", "MYANMAR", "myanmar", "Burmese" }),
			Map.entry("THA", new String[] { "THA", "TH", "Thailand", "Thai", "THAILAND", "Muangthai" }),
			Map.entry("KHM", new String[] { "KHM", "KH", "Kamboja", "Cambodia", "KAMBOJA" }),
			Map.entry("LAO", new String[] { "LAO", "LA", "Laos", "Lao PDR", "LAOS" }),
			Map.entry("VNM", new String[] { "VNM", "VN", "Vietnam", "Viet Nam", "VIETNAM", "Vietnamese" }),
			Map.entry("CHN", new String[] { "CHN", "CN", "Tiongkok", "China", "RRC", "CHINA" }),
			Map.entry("PHL", new String[] { "PHL", "PH", "Filipina", "Philippines", "FILIPINA" }),
			Map.entry("KOR", new String[] { "KOR", "KR", "Korea Selatan", "South Korea", "Korea" }),
			Map.entry("JPN", new String[] { "JPN", "JP", "Jepang", "Japan", "JEPANG" }),
			Map.entry("AUS", new String[] { "AUS", "AU", "Australia", "AUSTRALIA" }),
			Map.entry("NLD", new String[] { "NLD", "NL", "Belanda", "Netherlands", "Holland" }),
			Map.entry("DEU", new String[] { "DEU", "DE", "Jerman", "Germany", "JERMAN" }),
			Map.entry("GBR", new String[] { "GBR", "GB", "Inggris", "United Kingdom", "UK" }),
			Map.entry("USA", new String[] { "USA", "US", "Amerika Serikat", "United States", "Amerika" }),
			Map.entry("FRA", new String[] { "FRA", "FR", "Perancis", "France", "Prancis" }),
			Map.entry("NZL", new String[] { "NZL", "NZ", "Selandia Baru", "New Zealand" }),
			Map.entry("PNG", new String[] { "PNG", "PG", "Papua Nugini", "Papua New Guinea", "PNG" }),
			Map.entry("TLS", new String[] { "TLS", "TL", "Timor Leste", "Timor-Leste", "TIMOR LESTE" }),
			Map.entry("XXA", new String[] { "XXA", "", "Tanpa kewarganegaraan", "Stateless" }));

	private static final String[] NEIGHBOURS = { "MMR", "THA", "KHM", "LAO", "VNM", "CHN", "PHL" };
	private static final char[][] OCR = { { 'O', '0' }, { '0', 'O' }, { 'I', '1' }, { '1', 'I' }, { 'S', '5' },
			{ '5', 'S' }, { 'B', '8' }, { '8', 'B' }, { 'Z', '2' }, { '2', 'Z' }, { 'G', '6' }, { '6', 'G' } };

	private final Random random;
	private final int personCount;
	private final int recordCount;

	LinkageData(long seed, int persons, int records) {
		this.random = new Random(seed);
		this.personCount = persons;
		this.recordCount = records;
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(System.getProperty("out", "target/linkage-data"));
		Files.createDirectories(out);
		Written written = new LinkageData(Long.getLong("seed", 2026), Integer.getInteger("persons", 20_000),
				Integer.getInteger("records", 5_000)).write(out);
		System.out.printf("%,d persons and %,d records (%,d about registry persons) written to %s in %.1f s%n",
				written.persons(), written.records(), written.recordsAboutKnown(), out, written.seconds());
	}

	/** Writes persons.csv, records.csv and truth.csv into {@code folder}. */
	Written write(Path folder) throws IOException {
		long started = System.nanoTime();
		List<Person> persons = new ArrayList<>(personCount);
		int namesakes = 0;
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("persons.csv"), StandardCharsets.UTF_8)) {
			out.write(HEADER);
			out.write('\n');
			for (int i = 0; i < personCount; i++) {
				Person person;
				if (i > 10 && chance(NAMESAKE)) {
					person = namesakeOf(persons.get(random.nextInt(persons.size())), "P" + (i + 1));
					namesakes++;
				}
				else {
					person = newPerson("P" + (i + 1));
				}
				persons.add(person);
				writeRow(out, person.id(), registryName(person), person.female() ? "F" : "M",
						registryBirth(person.born()), registryNationality(person), person.document());
			}
		}
		int known = 0;
		try (BufferedWriter records = Files.newBufferedWriter(folder.resolve("records.csv"), StandardCharsets.UTF_8);
				BufferedWriter truth = Files.newBufferedWriter(folder.resolve("truth.csv"), StandardCharsets.UTF_8)) {
			records.write(HEADER);
			records.write('\n');
			truth.write("record_id,person_id\n");
			for (int i = 0; i < recordCount; i++) {
				String id = "R" + (i + 1);
				Person about;
				boolean inRegistry = chance(RECORD_KNOWN);
				if (inRegistry) {
					about = persons.get(random.nextInt(persons.size()));
					known++;
				}
				else if (chance(UNKNOWN_NAMESAKE)) {
					about = namesakeOf(persons.get(random.nextInt(persons.size())), null);
				}
				else {
					about = newPerson(null);
				}
				writeRow(records, id, recordName(about), recordSex(about), recordBirth(about.born()),
						recordNationality(about), recordDocument(about));
				truth.write(id + "," + (inRegistry ? about.id() : "") + "\n");
			}
		}
		return new Written(personCount, recordCount, known, namesakes, (System.nanoTime() - started) / 1e9);
	}

	// ---------------------------------------------------------------- persons as they are

	private Person newPerson(String id) {
		int draw = random.nextInt(100);
		Kind kind = draw < 34 ? Kind.EX_CREW : draw < 52 ? Kind.CREW : draw < 64 ? Kind.WORKER
				: draw < 80 ? Kind.TOURIST : draw < 83 ? Kind.RESEARCHER : draw < 93 ? Kind.SPOUSE
						: draw < 98 ? Kind.STUDENT : Kind.STATELESS;
		String nationality = switch (kind) {
			case EX_CREW -> pick("MMR", "MMR", "MMR", "MMR", "MMR", "MMR", "THA", "THA", "KHM", "KHM", "LAO");
			case CREW -> pick("MMR", "MMR", "MMR", "THA", "VNM", "VNM", "VNM", "CHN", "PHL");
			case WORKER -> pick("CHN", "CHN", "CHN", "KOR", "PHL", "PHL", "JPN", "THA", "VNM", "VNM");
			case TOURIST -> pick("AUS", "AUS", "AUS", "NLD", "DEU", "GBR", "FRA", "USA", "CHN", "NZL");
			case RESEARCHER -> pick("AUS", "USA", "NLD", "DEU", "GBR", "JPN", "KOR");
			case SPOUSE -> pick("MMR", "THA", "PHL", "PHL", "VNM", "CHN", "AUS", "NLD", "USA", "PNG", "TLS");
			case STUDENT -> pick("TLS", "PNG", "PHL");
			case STATELESS -> null;
		};
		boolean female = switch (kind) {
			case EX_CREW, CREW -> false;
			case WORKER -> random.nextInt(5) == 0;
			case SPOUSE -> random.nextInt(5) != 0;
			default -> random.nextBoolean();
		};
		int year = switch (kind) {
			case EX_CREW -> 1958 + random.nextInt(42);
			case CREW -> 1972 + random.nextInt(35);
			case STUDENT -> 1998 + random.nextInt(9);
			default -> 1950 + random.nextInt(56);
		};
		LocalDate born = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
		String documented = nationality;
		if ("MMR".equals(nationality) && kind == Kind.EX_CREW && chance(BURMESE_ON_THAI_PAPERS)) {
			documented = "THA";
		}
		String document = documented == null || !chance(REGISTRY_DOCUMENT) ? null : document(documented, kind);
		return new Person(id, kind, name(nationality), female, born, nationality, documented, document);
	}

	/** Someone else with the same name and nationality: born in the same year half of the time. */
	private Person namesakeOf(Person other, String id) {
		Person fresh = newPerson(id);
		LocalDate born = chance(NAMESAKE_SAME_YEAR)
				? LocalDate.of(other.born().getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28)) : fresh.born();
		String document = fresh.document() == null || other.documentedNationality() == null ? null
				: document(other.documentedNationality(), other.kind());
		return new Person(id, other.kind(), other.name(), other.female(), born, other.nationality(),
				other.documentedNationality(), document);
	}

	List<String> name(String nationality) {
		return tokens(RegistryPopulation.nameOf(nationality, random));
	}

	private static List<String> tokens(String name) {
		return List.of(name.toUpperCase(Locale.ROOT).split(" "));
	}

	String document(String nationality, Kind kind) {
		if ((kind == Kind.CREW || kind == Kind.EX_CREW) && random.nextInt(3) == 0) {
			// a seaman's book
			return switch (nationality) {
				case "MMR" -> "MDN" + digits(6);
				case "THA" -> "SB" + digits(7);
				case "VNM" -> "VN" + digits(6);
				case "KHM" -> "KH" + digits(6);
				default -> "S" + digits(7);
			};
		}
		return switch (nationality) {
			case "MMR" -> "M" + pick("A", "B", "C", "D", "E") + digits(6);
			case "THA" -> pick("AA", "AB", "AC", "AD") + digits(7);
			case "KHM" -> "N" + digits(8);
			case "LAO" -> "P" + digits(7);
			case "VNM" -> pick("B", "C") + digits(7);
			case "CHN" -> "E" + digits(8);
			case "PHL" -> "P" + digits(7) + pick("A", "B");
			case "KOR" -> "M" + digits(8);
			case "JPN" -> "T" + pick("R", "S", "K") + digits(7);
			default -> pick("N", "P", "X", "L", "C") + pick("", "A", "B", "H") + digits(7);
		};
	}

	// ---------------------------------------------------------------- the registry's view

	private String registryName(Person person) {
		List<String> tokens = new ArrayList<>(person.name());
		if ("MMR".equals(person.nationality()) && chance(REGISTRY_HONORIFIC)) {
			tokens.add(0, honorific(person));
		}
		if ("VNM".equals(person.nationality()) && chance(REGISTRY_DIACRITICS)) {
			tokens.replaceAll(token -> VIETNAMESE_DIACRITICS.getOrDefault(token, token));
		}
		return String.join(" ", tokens);
	}

	private String registryBirth(LocalDate born) {
		double draw = random.nextDouble();
		return draw < REGISTRY_BIRTH_FULL ? born.toString()
				: draw < REGISTRY_BIRTH_FULL + REGISTRY_BIRTH_YEAR ? String.valueOf(born.getYear()) : "";
	}

	private String registryNationality(Person person) {
		String code = person.documentedNationality() == null ? "XXA" : person.documentedNationality();
		String[] writings = NATIONALITY_WRITINGS.get(code);
		return chance(REGISTRY_NATIONALITY_VARIANT) ? writings[1 + random.nextInt(writings.length - 1)] : writings[0];
	}

	// ---------------------------------------------------------------- a village official's view

	private String recordName(Person person) {
		List<String> tokens = new ArrayList<>(person.name());
		boolean burmese = "MMR".equals(person.nationality());
		if (tokens.size() >= 3 && !burmese && chance(NAME_MIDDLE_DROPPED)) {
			tokens.remove(1);
		}
		else if (tokens.size() >= 3 && burmese && chance(NAME_MIDDLE_DROPPED / 2)) {
			tokens.remove(tokens.size() - 1); // a Burmese name heard short
		}
		if (tokens.size() >= 2 && chance(NAME_TOKEN_ORDER)) {
			if (tokens.size() == 2 || random.nextBoolean()) {
				tokens.add(tokens.remove(0));
			}
			else {
				java.util.Collections.shuffle(tokens, random);
			}
		}
		if (chance(NAME_RESPELLED)) {
			respell(tokens);
			if (chance(NAME_RESPELLED_TWICE)) {
				respell(tokens);
			}
		}
		if (chance(NAME_TYPO)) {
			int index = random.nextInt(tokens.size());
			tokens.set(index, typo(tokens.get(index)));
		}
		if ("VNM".equals(person.nationality()) && chance(NAME_DIACRITICS)) {
			tokens.replaceAll(token -> VIETNAMESE_DIACRITICS.getOrDefault(token, token));
		}
		if (person.kind() == Kind.SPOUSE && chance(NAME_SPOUSE_SURNAME)) {
			tokens.add(keiFamilyName(random));
		}
		if (burmese && chance(NAME_HONORIFIC_ADDED)) {
			tokens.add(0, honorific(person));
		}
		else if (!burmese && chance(0.03)) {
			tokens.add(0, person.female() ? pick("MRS", "MS", "NONA") : pick("MR", "TUAN"));
		}
		String name = String.join(" ", tokens);
		if (chance(NAME_CASE)) {
			name = random.nextBoolean() ? name.toLowerCase(Locale.ROOT) : titleCase(name);
		}
		return name;
	}

	private String honorific(Person person) {
		int age = 2026 - person.born().getYear();
		if (person.female()) {
			return age >= 35 ? "DAW" : "MA";
		}
		return age >= 40 ? pick("U", "U", "KO") : pick("MAUNG", "KO", "KO");
	}

	private void respell(List<String> tokens) {
		List<int[]> applicable = new ArrayList<>();
		for (int t = 0; t < tokens.size(); t++) {
			for (int r = 0; r < RESPELLINGS.length; r++) {
				if (tokens.get(t).contains(RESPELLINGS[r][0])) {
					applicable.add(new int[] { t, r });
				}
			}
		}
		if (applicable.isEmpty()) {
			return;
		}
		int[] chosen = applicable.get(random.nextInt(applicable.size()));
		String[] respelling = RESPELLINGS[chosen[1]];
		String token = tokens.get(chosen[0]);
		int at = token.indexOf(respelling[0]);
		tokens.set(chosen[0], token.substring(0, at) + respelling[1] + token.substring(at + respelling[0].length()));
	}

	/** One slip: a letter dropped, doubled, replaced by a neighbour on the keyboard, or swapped with the next. */
	private String typo(String token) {
		if (token.length() < 3) {
			return token;
		}
		int at = 1 + random.nextInt(token.length() - 2);
		char[] chars = token.toCharArray();
		return switch (random.nextInt(4)) {
			case 0 -> token.substring(0, at) + token.substring(at + 1);
			case 1 -> token.substring(0, at) + chars[at] + token.substring(at);
			case 2 -> {
				char tmp = chars[at];
				chars[at] = chars[at + 1];
				chars[at + 1] = tmp;
				yield new String(chars);
			}
			default -> {
				chars[at] = (char) ('A' + random.nextInt(26));
				yield new String(chars);
			}
		};
	}

	private String recordSex(Person person) {
		if (chance(SEX_MISSING)) {
			return "";
		}
		return person.female() ^ chance(SEX_WRONG) ? "F" : "M";
	}

	private String recordBirth(LocalDate born) {
		if (chance(BIRTH_MISSING)) {
			return "";
		}
		if (chance(BIRTH_YEAR_OFF)) {
			born = born.plusYears(random.nextBoolean() ? 1 : -1);
		}
		if (chance(BIRTH_YEAR_ONLY)) {
			return String.valueOf(born.getYear());
		}
		if (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
				&& chance(BIRTH_DAY_MONTH_SWAPPED * 2.5)) { // about 40 % of dates can be swapped at all
			born = LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
		}
		return born.toString();
	}

	private String recordNationality(Person person) {
		if (chance(NATIONALITY_MISSING)) {
			return "";
		}
		String code = person.documentedNationality() == null ? "XXA" : person.documentedNationality();
		if (person.nationality() != null && !person.nationality().equals(code) && chance(NATIONALITY_CLAIMED)) {
			code = person.nationality();
		}
		if (chance(NATIONALITY_WRONG)) {
			code = pick(NEIGHBOURS);
		}
		String[] writings = NATIONALITY_WRITINGS.get(code);
		// a village official writes a country name far more often than a code
		return random.nextInt(4) == 0 ? writings[random.nextInt(Math.min(2, writings.length))]
				: writings[Math.min(writings.length - 1, 2 + random.nextInt(writings.length - 2))];
	}

	private String recordDocument(Person person) {
		if (person.id() == null) { // not in the registry: a number nobody has there, if one was seen
			return person.document() != null && chance(UNKNOWN_DOCUMENT_SEEN) ? person.document() : "";
		}
		if (!chance(DOCUMENT_SEEN)) {
			return "";
		}
		String number = person.document();
		if (number == null || chance(DOCUMENT_OTHER)) {
			// a document the registry does not know (a new passport, a seaman's book), or none was registered
			if (person.documentedNationality() == null) {
				return "";
			}
			number = document(person.documentedNationality(), person.kind());
		}
		if (chance(DOCUMENT_OCR)) {
			number = ocr(number);
		}
		if (chance(DOCUMENT_DIGIT_TYPO)) {
			char[] chars = number.toCharArray();
			int at = chars.length - 1 - random.nextInt(Math.min(6, chars.length - 1));
			chars[at] = (char) ('0' + random.nextInt(10));
			number = new String(chars);
		}
		if (chance(DOCUMENT_SPACED)) {
			int at = 1 + random.nextInt(number.length() - 2);
			number = number.substring(0, at) + pick(" ", " ", "-") + number.substring(at);
		}
		if (chance(DOCUMENT_LOWER)) {
			number = number.toLowerCase(Locale.ROOT);
		}
		return number;
	}

	/** One or two OCR confusions (O/0, I/1, S/5, B/8, Z/2, G/6) where the number has such a character. */
	private String ocr(String number) {
		char[] chars = number.toCharArray();
		int changes = 1 + random.nextInt(2);
		for (int attempt = 0; attempt < 12 && changes > 0; attempt++) {
			int at = random.nextInt(chars.length);
			for (char[] confusion : OCR) {
				if (chars[at] == confusion[0]) {
					chars[at] = confusion[1];
					changes--;
					break;
				}
			}
		}
		return new String(chars);
	}

	// ---------------------------------------------------------------- helpers

	private boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}

	private String digits(int count) {
		char[] digits = new char[count];
		for (int i = 0; i < count; i++) {
			digits[i] = (char) ('0' + random.nextInt(10));
		}
		return new String(digits);
	}

	private static String titleCase(String name) {
		String[] tokens = name.toLowerCase(Locale.ROOT).split(" ");
		for (int i = 0; i < tokens.length; i++) {
			if (!tokens[i].isEmpty()) {
				tokens[i] = Character.toUpperCase(tokens[i].charAt(0)) + tokens[i].substring(1);
			}
		}
		return String.join(" ", tokens);
	}

	static void writeRow(BufferedWriter out, String... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(csv(values[i]));
		}
		out.write('\n');
	}

	static String csv(String value) {
		if (value == null) {
			return "";
		}
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	/**
	 * The rows of a CSV file after its header, read with the application's own reader ({@link DelimitedRows}), blank
	 * lines left out.
	 */
	static List<String[]> rows(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (DelimitedRows in = DelimitedRows.open(file)) {
			in.next();
			for (List<String> row = in.next(); row != null; row = in.next()) {
				if (!(row.size() == 1 && row.get(0).isBlank())) {
					rows.add(row.toArray(String[]::new));
				}
			}
		}
		return rows;
	}

	/** The header of a CSV file, as its column names. */
	static String[] header(Path file) throws IOException {
		try (DelimitedRows in = DelimitedRows.open(file)) {
			List<String> header = in.next();
			return header == null ? new String[0] : header.toArray(String[]::new);
		}
	}
}
