package id.pantau.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled data shaped like a port's export against the city's registry: a few hundred residents in the registry
 * ({@code persons.csv}), and many crossings ({@code records.csv}) of transient crew who are in no registry, a quarter
 * of them strangers bearing a resident's exact name, nationality and sex (another passport; a birth date of their
 * own, drawn as anyone's, or on another day of the resident's birth year a third of the time: a stranger born on the
 * resident's very day happens only by chance, as in life, and is counted), and a few crossings of the residents themselves. Immigration writes a crossing
 * from the passport: the name as printed, the full birth date, the passport number; the registry is the dirty side
 * (names as the village heard them, a birth year only or nothing for some, a passport since renewed). Common names
 * repeat among the crew by the Zipf-weighted pools of {@link id.pantau.demodata.RegistryPopulation}. Also writes {@code truth.csv}
 * (record id, person id or empty) and {@code strangers.txt} (the ids of the strangers' crossings).
 * <p>
 * Standalone: {@code java -Dresidents=400 -Dcrossings=20000 -Dseed=2026 -Dout=DIR id.pantau.bench.PortData}.
 */
public final class PortData {

	/** Shares of the crossings: the residents' own, strangers copying a resident's name, and other transient crew. */
	static final double RESIDENT_CROSSING = 0.10;
	static final double STRANGER = 0.25;
	/** Of the strangers, the share born in the same year as the resident whose name they bear. */
	static final double STRANGER_SAME_YEAR = 0.33;
	/** How the registry shows a resident: birth date full or year only (else none), passport on file. */
	static final double REGISTRY_BIRTH_FULL = 0.88;
	static final double REGISTRY_BIRTH_YEAR = 0.09;
	static final double REGISTRY_DOCUMENT = 0.93;
	/** A resident's passport renewed since the registry wrote it; a registry passport number mistyped. */
	static final double PASSPORT_RENEWED = 0.06;
	static final double REGISTRY_DOCUMENT_TYPO = 0.03;
	/** Registry names: tokens in another order, or one token respelled as heard. */
	static final double REGISTRY_NAME_ORDER = 0.15;
	static final double REGISTRY_NAME_RESPELLED = 0.10;
	/** Immigration's own slips on a crossing: one digit of the birth date. */
	static final double CROSSING_BIRTH_TYPO = 0.01;

	private static final String[] NATIONALITIES = { "MMR", "MMR", "MMR", "MMR", "THA", "THA", "VNM", "VNM", "VNM",
			"CHN", "CHN", "PHL", "PHL", "KHM", "PNG", "TLS" };

	/** A person as they are. */
	record Person(String id, List<String> name, boolean female, LocalDate born, String nationality, String passport) {
	}

	/** What was written. */
	public record Written(int residents, int crossings, int residentCrossings, int strangers,
			int strangersBornTheSameDay, double seconds) {
	}

	private final Random random;
	private final LinkageData names;
	private final int residentCount;
	private final int crossingCount;

	public PortData(long seed, int residents, int crossings) {
		this.random = new Random(seed);
		this.names = new LinkageData(seed + 1, 0, 0);
		this.residentCount = residents;
		this.crossingCount = crossings;
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of(System.getProperty("out", "target/port-data"));
		Files.createDirectories(out);
		Written written = new PortData(Long.getLong("seed", 2026), Integer.getInteger("residents", 400),
				Integer.getInteger("crossings", 20_000)).write(out);
		System.out.printf("%,d residents and %,d crossings (%,d by residents, %,d strangers) written to %s%n",
				written.residents(), written.crossings(), written.residentCrossings(), written.strangers(), out);
	}

	/** Writes persons.csv, records.csv, truth.csv and strangers.txt into {@code folder}. */
	public Written write(Path folder) throws IOException {
		long started = System.nanoTime();
		List<Person> residents = new ArrayList<>(residentCount);
		try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("persons.csv"), StandardCharsets.UTF_8)) {
			out.write(LinkageData.HEADER + "\n");
			for (int i = 0; i < residentCount; i++) {
				Person resident = person("P" + (i + 1));
				residents.add(resident);
				LinkageData.writeRow(out, resident.id(), registryName(resident.name()), resident.female() ? "F" : "M",
						registryBirth(resident.born()), resident.nationality(), registryDocument(resident.passport()));
			}
		}
		int own = 0;
		int strangers = 0;
		int sameBirthDate = 0;
		try (BufferedWriter records = Files.newBufferedWriter(folder.resolve("records.csv"), StandardCharsets.UTF_8);
				BufferedWriter truth = Files.newBufferedWriter(folder.resolve("truth.csv"), StandardCharsets.UTF_8);
				BufferedWriter strangerIds = Files.newBufferedWriter(folder.resolve("strangers.txt"),
						StandardCharsets.UTF_8)) {
			records.write(LinkageData.HEADER + "\n");
			truth.write("record_id,person_id\n");
			for (int i = 0; i < crossingCount; i++) {
				String id = "C" + (i + 1);
				double draw = random.nextDouble();
				Person about;
				String truthId = "";
				if (draw < RESIDENT_CROSSING && !residents.isEmpty()) {
					about = residents.get(random.nextInt(residents.size()));
					if (chance(PASSPORT_RENEWED)) {
						about = new Person(about.id(), about.name(), about.female(), about.born(), about.nationality(),
								names.document(about.nationality(), LinkageData.Kind.CREW));
					}
					truthId = about.id();
					own++;
				}
				else if (draw < RESIDENT_CROSSING + STRANGER && !residents.isEmpty()) {
					Person resident = residents.get(random.nextInt(residents.size()));
					Person fresh = person(null);
					LocalDate born = chance(STRANGER_SAME_YEAR) ? sameYearOtherDay(resident.born()) : fresh.born();
					if (born.equals(resident.born())) {
						sameBirthDate++;
					}
					about = new Person(null, resident.name(), resident.female(), born, resident.nationality(),
							names.document(resident.nationality(), LinkageData.Kind.CREW));
					strangerIds.write(id + "\n");
					strangers++;
				}
				else {
					about = person(null);
				}
				LinkageData.writeRow(records, id, String.join(" ", about.name()), about.female() ? "F" : "M",
						crossingBirth(about.born()), about.nationality(), about.passport());
				truth.write(id + "," + truthId + "\n");
			}
		}
		return new Written(residentCount, crossingCount, own, strangers, sameBirthDate,
				(System.nanoTime() - started) / 1e9);
	}

	/** Born in the same year on another day: the stress is on a year alone agreeing. */
	private LocalDate sameYearOtherDay(LocalDate born) {
		LocalDate other = born;
		while (other.equals(born)) {
			other = LocalDate.of(born.getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28));
		}
		return other;
	}

	private Person person(String id) {
		String nationality = NATIONALITIES[random.nextInt(NATIONALITIES.length)];
		boolean female = random.nextInt(12) == 0;
		LocalDate born = LocalDate.of(1960 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
		return new Person(id, names.name(nationality), female, born, nationality,
				names.document(nationality, LinkageData.Kind.CREW));
	}

	private String registryName(List<String> name) {
		List<String> tokens = new ArrayList<>(name);
		if (tokens.size() > 1 && chance(REGISTRY_NAME_ORDER)) {
			tokens.add(tokens.remove(0));
		}
		if (chance(REGISTRY_NAME_RESPELLED)) {
			int at = random.nextInt(tokens.size());
			String token = tokens.get(at);
			tokens.set(at, token.replace("KYAW", "KYO").replace("HTUN", "TUN").replace("NGUYEN", "NGUYIN")
					.replace("TH", "T").replace("OO", "U").replace("PH", "F"));
		}
		return String.join(" ", tokens);
	}

	private String registryBirth(LocalDate born) {
		double draw = random.nextDouble();
		return draw < REGISTRY_BIRTH_FULL ? born.toString()
				: draw < REGISTRY_BIRTH_FULL + REGISTRY_BIRTH_YEAR ? Integer.toString(born.getYear()) : "";
	}

	private String registryDocument(String passport) {
		if (!chance(REGISTRY_DOCUMENT)) {
			return "";
		}
		if (chance(REGISTRY_DOCUMENT_TYPO)) {
			char[] digits = passport.toCharArray();
			int at = digits.length - 1 - random.nextInt(3);
			digits[at] = Character.isDigit(digits[at]) ? (char) ('0' + (digits[at] - '0' + 1) % 10) : digits[at];
			return new String(digits);
		}
		return passport;
	}

	private String crossingBirth(LocalDate born) {
		if (chance(CROSSING_BIRTH_TYPO)) {
			return born.withDayOfMonth(born.getDayOfMonth() % 28 + 1).toString();
		}
		return born.toString();
	}

	private boolean chance(double probability) {
		return random.nextDouble() < probability;
	}
}
