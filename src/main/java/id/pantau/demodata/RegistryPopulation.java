package id.pantau.demodata;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import javax.sql.DataSource;

import id.pantau.demodata.NamePools.Zipf;
import id.pantau.platform.copy.CopyTables;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.RegistryBulkLoad;
import id.pantau.registry.Sex;
import id.pantau.registry.PersonStatus;

/**
 * Generates a registry of foreigners shaped like the registry's demo data but of any size, and writes it through the
 * registry's bulk load ({@link RegistryBulkLoad}, PostgreSQL COPY): persons, their names (a primary name and
 * sometimes a respelled name, a Burmese name with its honorific, or a Kei name with a NIK), documents, residences,
 * stay permits and, for crew and ex-crew, the vessel they came with. Name parts are drawn with Zipf weights from pools
 * per nationality, so common names repeat as they do in the field (many a KYAW, many a NGUYEN).
 * <p>
 * Person {@code i} depends only on the seed and {@code i} (its own random generator), so a crossing or a report can
 * be about a person without the whole registry held in memory: {@link #person(long)} generates it again. Rows are
 * written in chunks of 10,000 persons; the heap holds one chunk.
 */
public final class RegistryPopulation {

	/** What a query, a crossing or a report needs to know about a generated person. */
	public record Generated(long id, String nationality, String regionCode, Category category, PersonStatus status,
			List<String> names, String document, boolean permitEndsWithin30Days, String claimedNationality,
			String sex, LocalDate birthDate, int birthYear, LocalDate arrived, String permitType, LocalDate permitUntil) {

		public boolean searchable() {
			return status != PersonStatus.MERGED;
		}

		/** The nationality a crossing of theirs shows: the documented one, else the claimed one. */
		public String crossingNationality() {
			return nationality != null ? nationality : claimedNationality;
		}
	}

	/** Rows written per table, and how the time went: generating rows in Java, and COPY (indexes, foreign keys). */
	public record Counts(long persons, long names, long documents, long residences, long permits, long identityLinks,
			long vesselAssignments, long generateNanos, long copyNanos) {

		public long rows() {
			return persons + names + documents + residences + permits + identityLinks + vesselAssignments;
		}
	}

	/** The 30 villages (ohoi and kelurahan) of Kota Tual: where persons live unless other villages are given. */
	public static final List<String> TUAL_VILLAGES = List.of("81.72.01.2001", "81.72.01.2002", "81.72.01.2003",
			"81.72.01.2004", "81.72.01.2005", "81.72.01.2006", "81.72.01.2007", "81.72.01.2008", "81.72.02.1003",
			"81.72.02.1004", "81.72.02.1005", "81.72.02.2001", "81.72.02.2002", "81.72.03.2001", "81.72.03.2002",
			"81.72.03.2003", "81.72.03.2004", "81.72.03.2005", "81.72.04.2001", "81.72.04.2002", "81.72.04.2004",
			"81.72.04.2005", "81.72.04.2012", "81.72.05.2001", "81.72.05.2002", "81.72.05.2003", "81.72.05.2004",
			"81.72.05.2005", "81.72.05.2006", "81.72.05.2007");

	static final int CHUNK = 10_000;

	// drawn with Zipf weights from the pools of demodata/names.tsv
	private static final Zipf MYANMAR = NamePools.zipf("myanmar");
	private static final Zipf THAI_GIVEN = NamePools.zipf("thai-given");
	private static final Zipf THAI_FAMILY_HEAD = NamePools.zipf("thai-family-head");
	private static final Zipf THAI_FAMILY_TAIL = NamePools.zipf("thai-family-tail");
	private static final Zipf KHMER_FAMILY = NamePools.zipf("khmer-family");
	private static final Zipf KHMER_GIVEN = NamePools.zipf("khmer-given");
	private static final Zipf LAO_GIVEN = NamePools.zipf("lao-given");
	private static final Zipf LAO_FAMILY_HEAD = NamePools.zipf("lao-family-head");
	private static final Zipf LAO_FAMILY_TAIL = NamePools.zipf("lao-family-tail");
	private static final Zipf VIET_FAMILY = NamePools.zipf("viet-family");
	private static final Zipf VIET_MIDDLE = NamePools.zipf("viet-middle");
	private static final Zipf VIET_GIVEN = NamePools.zipf("viet-given");
	private static final Zipf CHINESE_FAMILY = NamePools.zipf("chinese-family");
	private static final Zipf CHINESE_GIVEN = NamePools.zipf("chinese-given");
	private static final Zipf KOREAN_FAMILY = NamePools.zipf("korean-family");
	private static final Zipf KOREAN_GIVEN = NamePools.zipf("korean-given");
	private static final Zipf JAPANESE_FAMILY = NamePools.zipf("japanese-family");
	private static final Zipf JAPANESE_GIVEN = NamePools.zipf("japanese-given");
	private static final Zipf FILIPINO_GIVEN = NamePools.zipf("filipino-given");
	private static final Zipf FILIPINO_FAMILY = NamePools.zipf("filipino-family");
	private static final Zipf WESTERN_GIVEN = NamePools.zipf("western-given");
	private static final Zipf WESTERN_FAMILY = NamePools.zipf("western-family");
	private static final Zipf MELANESIAN_GIVEN = NamePools.zipf("melanesian-given");
	private static final Zipf MELANESIAN_FAMILY = NamePools.zipf("melanesian-family");
	private static final Zipf ROHINGYA_GIVEN = NamePools.zipf("rohingya-given");
	private static final Zipf ROHINGYA_FAMILY = NamePools.zipf("rohingya-family");
	private static final Zipf KEI_GIVEN = NamePools.zipf("kei-given");
	private static final Zipf KEI_FAMILY = NamePools.zipf("kei-family");

		/** Respellings an officer writing a name by ear may make, as (from, to) pairs. */
	private static final String[][] RESPELLINGS = { { "PH", "F" }, { "TH", "T" }, { "KH", "K" }, { "OU", "U" },
			{ "OO", "U" }, { "EE", "I" }, { "AI", "AY" }, { "HT", "T" }, { "HL", "L" }, { "V", "W" }, { "X", "S" },
			{ "CH", "C" }, { "Y", "I" }, { "EI", "E" }, { "W", "V" } };

	private final long seed;
	private final LocalDate today;
	private final Instant now;
	private final String actor;
	private final String[] villages;
	/** Towns: kelurahan (Kemendagri codes x.x.x.1xxx), where tourists and workers live and others more often. */
	private final String[] dense;
	private final List<Generated> generated = new ArrayList<>();
	private long firstId = 1;
	private long firstVessel;
	private int vessels;
	private Random random;

	public RegistryPopulation(long seed, LocalDate today, Instant now) {
		this(seed, today, now, "bench", TUAL_VILLAGES);
	}

	public RegistryPopulation(long seed, LocalDate today, Instant now, String actor, List<String> villages) {
		if (villages.isEmpty()) {
			throw new IllegalArgumentException("no village to place persons in");
		}
		this.seed = seed;
		this.today = today;
		this.now = now;
		this.actor = actor;
		this.villages = villages.toArray(String[]::new);
		String[] towns = villages.stream().filter(v -> v.length() > 9 && v.charAt(9) == '1').toArray(String[]::new);
		this.dense = towns.length > 0 ? towns : villages.subList(0, Math.max(1, villages.size() / 5)).toArray(String[]::new);
	}

	/** Crew and ex-crew are assigned to one of {@code count} vessels with ids from {@code firstId} on. */
	public RegistryPopulation withVessels(long firstId, int count) {
		this.firstVessel = firstId;
		this.vessels = count;
		return this;
	}

	/** The persons of the last {@link #load(DataSource, int)}, for a benchmark's queries. */
	public List<Generated> generated() {
		return generated;
	}

	/** The id the first generated person gets (set by a load: one after the highest id in the table). */
	public long firstId() {
		return firstId;
	}

	/** Generates {@code count} persons, writes them in one transaction and keeps what a benchmark asks about them. */
	public Counts load(DataSource dataSource, int count) throws SQLException, IOException {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			Counts counts = load(new CopyTables(connection), count, generated::add);
			connection.commit();
			return counts;
		}
	}

	/**
	 * Generates {@code count} persons and COPYs them in chunks, each chunk's tables in foreign-key order, on the
	 * connection of {@code tables} (the caller commits). Each person is handed to {@code sink} once written.
	 */
	Counts load(CopyTables tables, int count, Consumer<Generated> sink) throws SQLException, IOException {
		RegistryBulkLoad registry = RegistryBulkLoad.into(tables);
		firstId = registry.nextPersonId();
		long generating = 0;
		long copying = 0;
		for (int start = 0; start < count; start += CHUNK) {
			long started = System.nanoTime();
			List<Generated> chunk = new ArrayList<>(CHUNK);
			int end = Math.min(count, start + CHUNK);
			for (int i = start; i < end; i++) {
				chunk.add(person(firstId + i, registry));
			}
			long generatedAt = System.nanoTime();
			generating += generatedAt - started;
			registry.flush();
			copying += System.nanoTime() - generatedAt;
			chunk.forEach(sink);
		}
		registry.finish();
		return new Counts(tables.rows("person"), tables.rows("person_name"), tables.rows("travel_document"),
				tables.rows("residence"), tables.rows("stay_permit"), tables.rows("identity_link"),
				tables.rows("vessel_assignment"), generating, copying);
	}

	/** Person {@code id} of the last load, generated again (the same person, no row written). */
	public Generated person(long id) {
		return person(id, RegistryBulkLoad.discarding());
	}

	private Generated person(long id, RegistryBulkLoad t) {
		random = new Random(CrossingFile.mix(seed * 0x9E3779B97F4A7C15L + (id - firstId)));
		Category category = category();
		String nationality = nationality(category);
		boolean female = switch (category) {
			case EX_CREW, CREW -> false;
			case WORKER -> random.nextInt(5) == 0;
			default -> random.nextBoolean();
		};
		String primary = nameOf(nationality, random);
		PersonStatus status = status(id, category);
		String region = random.nextInt(100) < 3 ? null : village(category);
		int birthYear = birthYear(category);
		LocalDate birthDate = random.nextInt(4) == 0 ? null
				: LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
		Instant created = now.minusSeconds(86_400L * random.nextInt(3000));
		String claimed = nationality == null ? "XXA"
				: nationality.equals("MMR") && random.nextInt(6) == 0 ? "MMR" : null;
		String documented = nationality;
		if (claimed != null && nationality != null) {
			documented = random.nextBoolean() ? "THA" : null; // Burmese crew on Thai papers, or with none
		}
		t.person(id, primary, female ? Sex.F : Sex.M, birthDate, birthYear, documented, claimed, category, status, region,
				status == PersonStatus.MERGED ? id - 1 - random.nextInt((int) Math.min(id - 1, 500)) : null, created,
				actor);
		List<String> names = names(id, primary, category, nationality, female, created, t);
		String document = documents(id, category, documented, claimed, created, t);
		LocalDate arrived = category == Category.TOURIST ? today.minusDays(random.nextInt(60))
				: today.minusDays(30 + random.nextInt(category == Category.EX_CREW ? 7000 : 1500));
		if (region != null) {
			residences(id, region, category, arrived, created, t);
		}
		Permit permit = permits(id, category, arrived, created, t);
		if (vessels > 0 && (category == Category.CREW || category == Category.EX_CREW)) {
			LocalDate signedOff = category == Category.EX_CREW ? arrived.plusDays(30 + random.nextInt(400)) : null;
			t.vesselService(id, firstVessel + random.nextInt(vessels), "ABK", arrived,
					signedOff == null || signedOff.isBefore(today) ? signedOff : today.minusDays(1), created);
		}
		return new Generated(id, documented, region, category, status, List.copyOf(names), document, permit.ending(),
				claimed, female ? "F" : "M", birthDate, birthYear, arrived, permit.type(), permit.until());
	}

	/** What the person came as: crew and ex-crew half the registry, tourists a fifth, a few of every other kind. */
	private Category category() {
		int draw = random.nextInt(100);
		return draw < 30 ? Category.EX_CREW : draw < 50 ? Category.CREW : draw < 64 ? Category.WORKER
				: draw < 67 ? Category.RESEARCHER : draw < 71 ? Category.OTHER : draw < 79 ? Category.FAMILY_OF_CITIZEN
						: draw < 97 ? Category.TOURIST : draw < 99 ? Category.STUDENT : Category.REFUGEE_STATELESS;
	}

	/** The nationality people of that category come with to Tual; none for the stateless. */
	private String nationality(Category category) {
		return switch (category) {
			case EX_CREW -> pickOf("MMR", "MMR", "MMR", "MMR", "MMR", "THA", "THA", "KHM", "KHM", "LAO");
			case CREW -> pickOf("MMR", "MMR", "THA", "VNM", "VNM", "CHN", "PHL");
			case WORKER -> pickOf("CHN", "CHN", "KOR", "PHL", "PHL", "JPN", "THA", "VNM");
			case RESEARCHER, OTHER -> pickOf("AUS", "USA", "NLD", "DEU", "GBR", "JPN", "KOR");
			case FAMILY_OF_CITIZEN -> pickOf("MMR", "THA", "PHL", "AUS", "NLD", "USA", "PNG", "TLS");
			case TOURIST -> pickOf("AUS", "AUS", "NLD", "DEU", "GBR", "FRA", "USA", "CHN", "NZL");
			case STUDENT -> pickOf("TLS", "PNG", "PHL");
			case REFUGEE_STATELESS -> null;
		};
	}

	/** Most are present; a few merged, deceased, deported or not found, and many tourists already left. */
	private PersonStatus status(long id, Category category) {
		int fate = random.nextInt(1000);
		PersonStatus status = fate < 5 ? PersonStatus.MERGED : fate < 10 ? PersonStatus.DECEASED
				: fate < 30 ? PersonStatus.DEPORTED : fate < 60 ? PersonStatus.WHEREABOUTS_UNKNOWN
						: category == Category.TOURIST && fate < 300 ? PersonStatus.DEPARTED : PersonStatus.PRESENT;
		return status == PersonStatus.MERGED && id == 1 ? PersonStatus.PRESENT : status;
	}

	private int birthYear(Category category) {
		return switch (category) {
			case EX_CREW -> 1955 + random.nextInt(40);
			case CREW -> 1970 + random.nextInt(35);
			case STUDENT -> 1998 + random.nextInt(9);
			default -> 1950 + random.nextInt(56);
		};
	}

	/**
	 * The primary name, sometimes another as an officer wrote it by ear (or a Burmese honorific), and for some ex-crew
	 * and spouses a Kei name with a NIK.
	 */
	private List<String> names(long id, String primary, Category category, String nationality, boolean female,
			Instant created, RegistryBulkLoad t) {
		List<String> names = new ArrayList<>(3);
		names.add(primary);
		t.name(id, primary, category == Category.TOURIST || category == Category.WORKER ? NameSource.PASSPORT
				: category == Category.CREW ? NameSource.CROSSING : NameSource.VILLAGE_REPORT, true, created);
		if (random.nextInt(100) < 30) {
			String alias = nationality != null && nationality.equals("MMR") && random.nextInt(3) == 0
					? (female ? "DAW " : "U ") + primary : respelled(primary);
			if (!alias.equals(primary)) {
				names.add(alias);
				t.name(id, alias, NameSource.SELF_DECLARED, false, created);
			}
		}
		boolean kei = (category == Category.EX_CREW && random.nextInt(4) == 0)
				|| (category == Category.FAMILY_OF_CITIZEN && random.nextInt(8) == 0);
		if (kei) {
			String keiName = KEI_GIVEN.pick(random) + " " + KEI_FAMILY.pick(random);
			names.add(keiName);
			t.name(id, keiName, NameSource.NIK_RECORD, false, created);
			t.link(id, IdentityLinkKind.NIK, nik(), "Terdaftar di Dukcapil Kota Tual", created);
		}
		return names;
	}

	/** The document the person is known by (a seaman's book for crew), or null; some crew also hold a passport. */
	private String documents(long id, Category category, String documented, String claimed, Instant created, RegistryBulkLoad t) {
		if (documented == null || random.nextInt(100) >= 88) {
			return null;
		}
		String document = documentNumber(documented);
		DocumentType type = category == Category.CREW || (category == Category.EX_CREW && claimed != null)
				? DocumentType.SEAMAN_BOOK : DocumentType.PASSPORT;
		t.document(id, type, document, documented,
				today.plusDays(-400 + random.nextInt(3000)), created);
		if (category == Category.CREW && random.nextInt(4) == 0) {
			String passport = documentNumber(documented);
			t.document(id, DocumentType.PASSPORT, passport, documented,
					today.plusDays(random.nextInt(3000)), created);
		}
		return document;
	}

	/** Where the person lives since arriving, and for one in five where they lived before. */
	private void residences(long id, String region, Category category, LocalDate arrived, Instant created, RegistryBulkLoad t) {
		if (random.nextInt(5) == 0) {
			LocalDate earlier = arrived.minusDays(200 + random.nextInt(2000));
			t.residence(id, villages[random.nextInt(villages.length)], "RT 0" + (1 + random.nextInt(5)),
					earlier, arrived, created);
		}
		t.residence(id, region, address(category), arrived, null, created);
	}

	/** The permit a person holds now: its type, its last day, and whether that is within 30 days. */
	private record Permit(String type, LocalDate until, boolean ending) {

		static final Permit NONE = new Permit(null, null, false);
	}

	/** The permit of the person's category (for one in five an earlier one too); ex-crew often have none left. */
	private Permit permits(long id, Category category, LocalDate arrived, Instant created, RegistryBulkLoad t) {
		LocalDate until = switch (category) {
			case CREW -> today.plusDays(-20 + random.nextInt(220));
			case WORKER, STUDENT -> today.plusDays(-15 + random.nextInt(330));
			case RESEARCHER, OTHER -> today.plusDays(-10 + random.nextInt(420));
			case FAMILY_OF_CITIZEN -> random.nextInt(3) == 0 ? today.plusYears(3) : today.plusDays(-5 + random.nextInt(320));
			case TOURIST -> arrived.plusDays(30);
			case EX_CREW -> random.nextInt(4) == 0 ? today.minusDays(random.nextInt(3000)) : null;
			case REFUGEE_STATELESS -> null;
		};
		if (until == null) {
			if (category == Category.EX_CREW && random.nextInt(3) == 0) {
				t.permit(id, "TIDAK_ADA", null, null, null, null, created);
			}
			return Permit.NONE;
		}
		LocalDate from = until.isAfter(arrived) ? arrived : until.minusDays(30);
		String type = switch (category) {
			case CREW, EX_CREW -> "AWAK_ALAT_ANGKUT";
			case TOURIST -> random.nextBoolean() ? "VOA" : "BEBAS_VISA";
			case FAMILY_OF_CITIZEN -> until.isAfter(today.plusYears(2)) ? "ITAP" : "ITAS";
			default -> "ITAS";
		};
		t.permit(id, type, type.startsWith("IT") ? "2C" + digits(10) : null, from, until,
				category == Category.WORKER ? "PT Maluku Cold Storage" : null, created);
		if (random.nextInt(5) == 0) {
			t.permit(id, type, null, from.minusDays(400), from.minusDays(40), null, created);
		}
		return new Permit(type, until, !until.isBefore(today) && !until.isAfter(today.plusDays(30)));
	}

	/**
	 * A name as people of that nationality bear it (a Rohingya name for no nationality), its parts drawn with the
	 * pools' Zipf weights: shared with the linkage benchmark's generator, so both draw from the same population.
	 */
	public static String nameOf(String nationality, Random random) {
		if (nationality == null) {
			return ROHINGYA_GIVEN.pick(random) + " " + ROHINGYA_FAMILY.pick(random);
		}
		return switch (nationality) {
			case "MMR" -> burmese(random);
			case "THA" -> THAI_GIVEN.pick(random) + " " + THAI_FAMILY_HEAD.pick(random) + THAI_FAMILY_TAIL.pick(random);
			case "KHM" -> KHMER_FAMILY.pick(random) + " " + KHMER_GIVEN.pick(random);
			case "LAO" -> LAO_GIVEN.pick(random) + " " + LAO_FAMILY_HEAD.pick(random) + LAO_FAMILY_TAIL.pick(random);
			case "VNM" -> VIET_FAMILY.pick(random) + " " + VIET_MIDDLE.pick(random) + " " + VIET_GIVEN.pick(random);
			case "CHN" -> CHINESE_FAMILY.pick(random) + " " + CHINESE_GIVEN.pick(random)
					+ (random.nextBoolean() ? CHINESE_GIVEN.pick(random) : "");
			case "KOR" -> KOREAN_FAMILY.pick(random) + " " + KOREAN_GIVEN.pick(random) + " " + KOREAN_GIVEN.pick(random);
			case "JPN" -> JAPANESE_FAMILY.pick(random) + " " + JAPANESE_GIVEN.pick(random);
			case "PHL" -> FILIPINO_GIVEN.pick(random) + " " + FILIPINO_FAMILY.pick(random);
			case "PNG", "TLS" -> MELANESIAN_GIVEN.pick(random) + " " + MELANESIAN_FAMILY.pick(random);
			default -> WESTERN_GIVEN.pick(random) + (random.nextInt(4) == 0 ? " " + WESTERN_GIVEN.pick(random) : "")
					+ " " + WESTERN_FAMILY.pick(random);
		};
	}

	/** A Kei family name, drawn as the population draws it (a spouse's family name taken by marriage). */
	public static String keiFamilyName(Random random) {
		return KEI_FAMILY.pick(random);
	}

	private static String burmese(Random random) {
		int draw = random.nextInt(20);
		int length = draw < 9 ? 2 : draw < 18 ? 3 : 4;
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < length; i++) {
			name.append(i == 0 ? "" : " ").append(MYANMAR.pick(random));
		}
		return name.toString();
	}

	/** The name as an officer may have written it by ear: one respelling, or else the tokens in another order. */
	private String respelled(String name) {
		List<String[]> applicable = new ArrayList<>();
		for (String[] respelling : RESPELLINGS) {
			if (name.contains(respelling[0])) {
				applicable.add(respelling);
			}
		}
		if (!applicable.isEmpty()) {
			String[] respelling = applicable.get(random.nextInt(applicable.size()));
			return name.replaceFirst(respelling[0], respelling[1]);
		}
		String[] tokens = name.split(" ");
		if (tokens.length < 2) {
			return name;
		}
		return name.substring(name.indexOf(' ') + 1) + " " + tokens[0];
	}

	private String village(Category category) {
		// the city's kelurahan and the coast of Dullah are denser, as in the demo data
		if (category == Category.TOURIST || category == Category.WORKER || random.nextInt(3) == 0) {
			return dense[random.nextInt(dense.length)];
		}
		return villages[random.nextInt(villages.length)];
	}

	private String address(Category category) {
		return switch (category) {
			case TOURIST -> pickOf("Penginapan", "Homestay", "Hotel");
			case WORKER -> "Mes karyawan";
			case CREW -> "Mes kapal, Pelabuhan Tual";
			default -> "RT 0" + (1 + random.nextInt(5));
		};
	}

	private String documentNumber(String nationality) {
		return switch (nationality) {
			case "MMR" -> "M" + pickOf("A", "B", "C", "D", "E") + digits(6);
			case "THA" -> pickOf("AA", "AB", "AC", "AD") + digits(7);
			case "KHM" -> "N" + digits(8);
			case "LAO" -> "P" + digits(7);
			case "VNM" -> pickOf("B", "C") + digits(7);
			case "CHN" -> "E" + digits(8);
			case "PHL" -> "P" + digits(7) + pickOf("A", "B");
			case "KOR" -> "M" + digits(8);
			case "JPN" -> "T" + pickOf("R", "S", "K") + digits(7);
			default -> pickOf("N", "P", "X", "L", "C") + pickOf("", "A", "B", "H") + digits(7);
		};
	}

	private String nik() {
		return "81720" + (1 + random.nextInt(5)) + String.format("%02d%02d%02d", 1 + random.nextInt(28),
				1 + random.nextInt(12), 60 + random.nextInt(35)) + digits(4);
	}

	private String digits(int count) {
		StringBuilder digits = new StringBuilder(count);
		for (int i = 0; i < count; i++) {
			digits.append((char) ('0' + random.nextInt(10)));
		}
		return digits.toString();
	}

	private String pickOf(String... values) {
		return values[random.nextInt(values.length)];
	}
}
