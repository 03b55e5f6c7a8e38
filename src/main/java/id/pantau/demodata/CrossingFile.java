package id.pantau.demodata;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;

import id.pantau.demodata.NamePools.Zipf;
import id.pantau.platform.tables.Csv;

/**
 * Writes crossing files as Immigration exports them (the Indonesian headers, comma-separated, UTF-8): row {@code i}
 * depends only on the seed and {@code i}, so two files written from overlapping ranges of rows share those rows
 * byte for byte. Each row is a crossing of one of {@code travellers} travellers (about five crossings each), whose
 * name, document, nationality, birth date and sex never change between their rows; the nationality is written as an
 * alpha-3 code, an alpha-2 code, the Indonesian name or a usual variant (Myanmar, Burma, Muangthai...). Times fall
 * over the year 2025 at six ports of Maluku, in local time ({@code yyyy-MM-dd HH:mm:ss}). One row in 200 has a defect
 * the importer must refuse.
 * <p>
 * {@link DemoDataSet} takes its travellers for the crossings it writes straight into the database, so the import
 * benchmark and a generated data set meet the same people.
 */
public final class CrossingFile {

	static final String HEADER = "arah,waktu,tpi,nomor_dokumen,kewarganegaraan,nama,tanggal_lahir,jenis_kelamin,"
			+ "jenis_izin,izin_berlaku_sampai,alat_angkut";

	private static final LocalDateTime YEAR_START = LocalDateTime.of(2025, 1, 1, 0, 0);
	private static final int YEAR_SECONDS = 365 * 86_400;

	static final String[] PORTS = { "TUAL-LAUT", "AMBON-UDARA", "LANGGUR-UDARA", "AMBON-LAUT", "DOBO-LAUT",
			"SAUMLAKI-LAUT" };
	static final int[] PORT_WEIGHTS = { 45, 20, 15, 10, 5, 5 };
	static final String[] VESSELS = { "KM Sirimau", "KM Leuser", "KM Ngapulu", "KM Tidar", "KM Pangrango",
			"KM Mina Maritim 23", "KM Antasena 5", "KM Sinar Kei", "KM Bintang Timur 88", "KM Cantika Express" };
	static final String[] FLIGHTS = { "GA 648", "GA 646", "ID 6171", "JT 790", "IW 1848", "QG 1722",
			"SJ 572" };

	/**
	 * Nationality groups: code, how often, the ways it is written (code first), and the name pools. A traveller's
	 * name is given + family (or family + given) from the pools.
	 */
	private record Group(String code, int weight, String[] written, String documentPrefix, Zipf first, Zipf second,
			int malePercent) {
	}

	private static final Zipf MYANMAR = NamePools.zipf("myanmar", 37);
	private static final Zipf THAI_GIVEN = NamePools.zipf("thai-given", 16);
	private static final Zipf THAI_FAMILY = NamePools.zipf("thai-family");
	private static final Zipf KHMER_FAMILY = NamePools.zipf("khmer-family", 16);
	private static final Zipf KHMER_GIVEN = NamePools.zipf("khmer-given", 12);
	private static final Zipf LAO_GIVEN = NamePools.zipf("lao-given", 8);
	private static final Zipf LAO_FAMILY = NamePools.zipf("lao-family");
	private static final Zipf VIET_FAMILY = NamePools.zipf("file-viet-family");
	private static final Zipf VIET_GIVEN = NamePools.zipf("file-viet-given");
	private static final Zipf CHINESE_FAMILY = NamePools.zipf("chinese-family", 12);
	private static final Zipf CHINESE_GIVEN = NamePools.zipf("file-chinese-given");
	private static final Zipf FILIPINO_GIVEN = NamePools.zipf("filipino-given", 10);
	private static final Zipf FILIPINO_FAMILY = NamePools.zipf("filipino-family", 8);
	private static final Zipf WESTERN_GIVEN = NamePools.zipf("western-given", 16);
	private static final Zipf WESTERN_FAMILY = NamePools.zipf("file-western-family");
	private static final Zipf MELANESIAN_GIVEN = NamePools.zipf("melanesian-given", 9);
	private static final Zipf MELANESIAN_FAMILY = NamePools.zipf("file-melanesian-family");
	private static final Zipf KOREAN_FAMILY = NamePools.zipf("korean-family", 6);
	private static final Zipf KOREAN_GIVEN = NamePools.zipf("file-korean-given");

	private static final Group[] GROUPS = {
			new Group("MMR", 30, new String[] { "MMR", "Myanmar", "Burma", "MM", "MYANMAR" }, "MA", MYANMAR, MYANMAR,
					90),
			new Group("THA", 15, new String[] { "THA", "Thailand", "Muangthai", "TH" }, "AA", THAI_GIVEN, THAI_FAMILY,
					85),
			new Group("KHM", 5, new String[] { "KHM", "Kamboja", "Cambodia", "KH" }, "N", KHMER_FAMILY, KHMER_GIVEN,
					85),
			new Group("LAO", 3, new String[] { "LAO", "Laos", "LA" }, "P", LAO_GIVEN, LAO_FAMILY, 80),
			new Group("VNM", 10, new String[] { "VNM", "Viet Nam", "Vietnam", "VN" }, "C", VIET_FAMILY, VIET_GIVEN,
					85),
			new Group("PHL", 7, new String[] { "PHL", "Filipina", "Philippines", "PH" }, "P", FILIPINO_GIVEN,
					FILIPINO_FAMILY, 75),
			new Group("CHN", 8, new String[] { "CHN", "China", "Tiongkok", "CN" }, "E", CHINESE_FAMILY, CHINESE_GIVEN,
					70),
			new Group("KOR", 2, new String[] { "KOR", "Korea Selatan", "Korsel", "KR" }, "M", KOREAN_FAMILY,
					KOREAN_GIVEN, 70),
			new Group("AUS", 4, new String[] { "AUS", "Australia", "AU" }, "PA", WESTERN_GIVEN, WESTERN_FAMILY, 55),
			new Group("NLD", 3, new String[] { "NLD", "Belanda", "Netherlands", "NL" }, "NX", WESTERN_GIVEN,
					WESTERN_FAMILY, 55),
			new Group("DEU", 2, new String[] { "DEU", "Jerman", "Germany", "D" }, "C0", WESTERN_GIVEN, WESTERN_FAMILY,
					55),
			new Group("TLS", 4, new String[] { "TLS", "Timor-Leste", "Timor Leste", "TL" }, "TL", MELANESIAN_GIVEN,
					MELANESIAN_FAMILY, 70),
			new Group("PNG", 7, new String[] { "PNG", "Papua Nugini", "Papua New Guinea", "PG" }, "PX",
					MELANESIAN_GIVEN, MELANESIAN_FAMILY, 70) };
	private static final int GROUP_WEIGHT;

	static {
		int sum = 0;
		for (Group group : GROUPS) {
			sum += group.weight();
		}
		GROUP_WEIGHT = sum;
	}

	/** A traveller as every row of theirs shows them ({@code sex} as written: L or P). */
	record Traveller(Group group, String name, String document, String birth, String sex, boolean crew) {

		/** The nationality's alpha-3 code. */
		String nationality() {
			return group.code();
		}
	}

	private final long seed;
	private final int travellers;

	public CrossingFile(long seed, int travellers) {
		this.seed = seed;
		this.travellers = Math.max(1, travellers);
	}

	/** Writes the header and rows {@code from} (inclusive) to {@code to} (exclusive). */
	public void write(Path file, long from, long to) throws IOException {
		try (BufferedWriter out = new BufferedWriter(
				new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
			out.write(HEADER);
			out.write('\n');
			StringBuilder line = new StringBuilder(256);
			for (long i = from; i < to; i++) {
				line.setLength(0);
				row(i, line);
				line.append('\n');
				out.append(line);
			}
		}
	}

	/** Row {@code i}, without the line end. */
	void row(long i, StringBuilder line) {
		Random random = new Random(mix(seed * 0x9E3779B97F4A7C15L + i));
		Traveller traveller = traveller(random.nextInt(travellers));
		boolean entry = random.nextBoolean();
		LocalDateTime time = YEAR_START.plusSeconds(random.nextInt(YEAR_SECONDS));
		String port = PORTS[weighted(random, PORT_WEIGHTS)];
		boolean sea = port.endsWith("-LAUT");
		String[] written = traveller.group().written();
		int form = random.nextInt(100);
		String nationality = form < 60 ? written[0] : form < 90 ? written[1] : written[2 + random.nextInt(written.length - 2)];
		String document = random.nextInt(50) == 0
				? traveller.document().substring(0, 2) + " " + traveller.document().substring(2)
				: traveller.document();
		String permit = "";
		String stayUntil = "";
		if (entry) {
			int kind = random.nextInt(100);
			permit = traveller.crew() ? "AWAK_ALAT_ANGKUT" : kind < 50 ? "VOA" : kind < 75 ? "BEBAS_VISA" : kind < 92
					? "ITK" : "ITAS";
			int days = switch (permit) {
				case "ITAS" -> 365;
				case "ITK" -> 60;
				default -> 30;
			};
			stayUntil = time.toLocalDate().plusDays(days).toString();
		}
		String transport = sea ? VESSELS[random.nextInt(VESSELS.length)] : FLIGHTS[random.nextInt(FLIGHTS.length)];
		String[] cells = { entry ? "MASUK" : "KELUAR", timestamp(time), port, document, nationality,
				traveller.name(), traveller.birth(), traveller.sex(), permit, stayUntil, transport };
		if (random.nextInt(200) == 0) {
			defect(random, cells);
		}
		for (int c = 0; c < cells.length; c++) {
			if (c > 0) {
				line.append(',');
			}
			if (!cells[c].isEmpty()) {
				Csv.field(line, cells[c]);
			}
		}
	}

	/** One of the slips that make the importer refuse a row; the row keeps its eleven cells. */
	private static void defect(Random random, String[] cells) {
		switch (random.nextInt(8)) {
			case 0 -> cells[0] = "NAIK";
			case 1 -> cells[1] = cells[1].substring(0, 5) + "13" + cells[1].substring(7);
			case 2 -> cells[3] = "";
			case 3 -> cells[4] = random.nextBoolean() ? "Narnia" : "Atlantis";
			case 4 -> cells[5] = "=HYPERLINK(\"http://x\",\"" + cells[5] + "\")";
			case 5 -> cells[6] = "2099-01-01";
			case 6 -> cells[7] = "Z";
			default -> cells[9] = "32/01/2025";
		}
	}

	/** Traveller {@code index} (of {@code travellers}), always the same for the same seed. */
	Traveller traveller(int index) {
		Random random = new Random(mix(seed * 31 + 0x51ED27L * (index + 1)));
		int pick = random.nextInt(GROUP_WEIGHT);
		Group group = GROUPS[GROUPS.length - 1];
		for (Group g : GROUPS) {
			pick -= g.weight();
			if (pick < 0) {
				group = g;
				break;
			}
		}
		String name;
		if (group.first() == group.second()) {
			// Burmese names have no surname: two to four syllables
			int parts = 2 + random.nextInt(3);
			StringBuilder text = new StringBuilder();
			for (int p = 0; p < parts; p++) {
				text.append(p == 0 ? "" : " ").append(group.first().pick(random));
			}
			name = text.toString();
		}
		else {
			name = group.first().pick(random) + " " + group.second().pick(random);
			if (group.code().equals("PHL") && random.nextInt(5) == 0) {
				name = group.second().pick(random) + ", " + group.first().pick(random);
			}
		}
		boolean male = random.nextInt(100) < group.malePercent();
		boolean crew = random.nextInt(100) < 40;
		// a bijection of the index onto seven digits, so that no two travellers share a document
		long digits = (index * 7919L + 1_234_567L) % 10_000_000L;
		String number = Long.toString(digits);
		String document = group.documentPrefix() + "0000000".substring(number.length()) + number;
		LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(random.nextInt(52 * 365));
		int birthForm = random.nextInt(100);
		String birthText = birthForm < 5 ? "" : birthForm < 8 ? Integer.toString(birth.getYear()) : birth.toString();
		return new Traveller(group, name, document, birthText, male ? "L" : "P", crew);
	}

	private static String timestamp(LocalDateTime time) {
		StringBuilder text = new StringBuilder(19);
		text.append(time.getYear()).append('-');
		two(text, time.getMonthValue()).append('-');
		two(text, time.getDayOfMonth()).append(' ');
		two(text, time.getHour()).append(':');
		two(text, time.getMinute()).append(':');
		return two(text, time.getSecond()).toString();
	}

	private static StringBuilder two(StringBuilder text, int value) {
		return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
	}

	static int weighted(Random random, int[] weights) {
		int sum = 0;
		for (int weight : weights) {
			sum += weight;
		}
		int pick = random.nextInt(sum);
		for (int k = 0; k < weights.length; k++) {
			pick -= weights[k];
			if (pick < 0) {
				return k;
			}
		}
		return weights.length - 1;
	}

	/** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
