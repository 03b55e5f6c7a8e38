package id.pantau.matching.linkage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import id.pantau.registry.BirthDate;

/**
 * A labelled registry with namesakes and noisy village-style records about some of its persons and about people not in
 * it, from a fixed seed: for tests and for the throughput self-check ({@link #main(String[])} writes CSV files). The
 * benchmark under {@code bench/} has its own, independent generator; this one only keeps the linker honest.
 */
final class SyntheticPopulation {

	static final String[][] GIVEN = {
			{ "AUNG", "KYAW", "MIN", "HTUN", "ZAW", "THEIN", "MYINT", "HLA", "WIN", "NAING", "SOE", "TUN", "OO", "LWIN",
					"THAN", "MAUNG", "THANT", "NYEIN", "PHYO", "WAI", "YAN", "KHANT", "HTET", "ZIN", "PYAE", "SAN" },
			{ "SOMCHAI", "SOMPHONG", "PRASERT", "SUWIT", "THANAWAT", "KITTI", "WICHAI", "CHAIYA", "BOONMEE", "ANAN",
					"NIRAN", "SAKDA", "PHUMIPHAT", "THONGCHAI", "WORAWIT", "APICHAT" },
			{ "NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VAN", "THI", "MINH", "HUNG", "NAM", "DUC", "QUANG", "PHUONG",
					"THANH", "TUAN", "LONG", "HAI", "XUAN" },
			{ "SOK", "CHAN", "VANNAK", "SOPHEAP", "DARA", "KIMHOR", "CHHAY", "RITHY", "VIBOL", "SAMBATH", "PISETH" },
			{ "WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WEI", "JIAN", "MING", "HUA", "XIAO",
					"FENG" } };

	static final String[] NATIONALITY = { "MMR", "THA", "VNM", "KHM", "CHN" };

	static final String[][] NATIONALITY_WRITTEN = { { "MMR", "Myanmar", "Burma", "MM", "Birma" },
			{ "THA", "Thailand", "Thai", "TH", "Muangthai" }, { "VNM", "Vietnam", "Viet Nam", "VN" },
			{ "KHM", "Kamboja", "Cambodia", "KH" }, { "CHN", "China", "Tiongkok", "CN", "RRC" } };

	record Person(LinkageRecord record, int group) {
	}

	record Labelled(LinkageRecord record, String truePersonId) {
	}

	private final Random random;

	SyntheticPopulation(long seed) {
		this.random = new Random(seed);
	}

	List<Person> persons(int count) {
		List<Person> persons = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int group = random.nextInt(100) < 40 ? 0 : random.nextInt(5);
			String name;
			// Namesakes: about one person in fifty reuses an earlier person's name.
			if (!persons.isEmpty() && random.nextInt(50) == 0) {
				Person earlier = persons.get(random.nextInt(persons.size()));
				name = earlier.record().fullName();
				group = earlier.group();
			}
			else {
				name = name(group);
			}
			LocalDate birth = LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
			BirthDate birthDate = random.nextInt(10) == 0 ? BirthDate.ofYear(birth.getYear()) : BirthDate.of(birth);
			String document = random.nextInt(10) < 8 ? document() : null;
			persons.add(new Person(new LinkageRecord("P" + i, name, random.nextBoolean() ? "M" : "F", birthDate,
					NATIONALITY[group], document), group));
		}
		return persons;
	}

	/** {@code count} records, {@code share} of them about a person of the registry, the others about strangers. */
	List<Labelled> records(List<Person> persons, int count, double share) {
		List<Labelled> records = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String id = "R" + i;
			if (random.nextDouble() < share) {
				Person person = persons.get(random.nextInt(persons.size()));
				records.add(new Labelled(noisy(id, person.record(), person.group()), person.record().id()));
			}
			else {
				int group = random.nextInt(5);
				LinkageRecord stranger = new LinkageRecord(id, name(group), random.nextBoolean() ? "M" : "F",
						BirthDate.of(LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12),
								1 + random.nextInt(28))),
						NATIONALITY[group], random.nextBoolean() ? document() : null);
				records.add(new Labelled(noisy(id, stranger, group), null));
			}
		}
		return records;
	}

	private String name(int group) {
		String[] pool = GIVEN[group];
		int tokens = 2 + random.nextInt(2);
		StringBuilder name = new StringBuilder();
		for (int t = 0; t < tokens; t++) {
			name.append(t == 0 ? "" : " ").append(pool[random.nextInt(pool.length)]);
		}
		return name.toString();
	}

	private String document() {
		String letters = "ABCDEFGHJKMNPRSTUVWXYZ";
		StringBuilder doc = new StringBuilder();
		doc.append(letters.charAt(random.nextInt(letters.length())));
		if (random.nextBoolean()) {
			doc.append(letters.charAt(random.nextInt(letters.length())));
		}
		for (int i = 0; i < 7; i++) {
			doc.append((char) ('0' + random.nextInt(10)));
		}
		return doc.toString();
	}

	/** The record as a village official might write it. */
	LinkageRecord noisy(String id, LinkageRecord truth, int group) {
		String name = noisyName(truth.fullName());
		String sex = random.nextInt(10) == 0 ? null : truth.sex();
		BirthDate birth = truth.birthDate();
		int roll = random.nextInt(100);
		if (roll < 25) {
			birth = BirthDate.UNKNOWN;
		}
		else if (roll < 45 && birth.isKnown()) {
			birth = BirthDate.ofYear(birth.year());
		}
		else if (roll < 50 && birth.isKnown()) {
			birth = BirthDate.ofYear(birth.year() + (random.nextBoolean() ? 1 : -1));
		}
		else if (roll < 55 && birth.date() != null && birth.date().getDayOfMonth() <= 12) {
			birth = BirthDate.of(LocalDate.of(birth.year(), birth.date().getDayOfMonth(), birth.date().getMonthValue()));
		}
		String nationality = random.nextInt(10) == 0 ? null
				: NATIONALITY_WRITTEN[group][random.nextInt(NATIONALITY_WRITTEN[group].length)];
		String document = truth.documentNumber();
		int docRoll = random.nextInt(100);
		if (document == null || docRoll < 50) {
			document = null;
		}
		else if (docRoll < 65) {
			document = document.replace('0', 'O').replace('1', 'I').replace('5', 'S').replace('8', 'B');
		}
		else if (docRoll < 70) {
			document = document.substring(0, 2) + " " + document.substring(2);
		}
		return new LinkageRecord(id, name, sex, birth, nationality, document);
	}

	private String noisyName(String name) {
		List<String> tokens = new ArrayList<>(List.of(name.split(" ")));
		if (tokens.size() > 2 && random.nextInt(5) == 0) {
			tokens.remove(1);
		}
		if (random.nextInt(4) == 0) {
			java.util.Collections.reverse(tokens);
		}
		for (int t = 0; t < tokens.size(); t++) {
			int roll = random.nextInt(100);
			String token = tokens.get(t);
			if (roll < 15) {
				token = token.replace("KYAW", "KYO").replace("HTUN", "TUN").replace("PH", "F").replace("TH", "T")
						.replace("OO", "U").replace("CHH", "CH");
			}
			else if (roll < 22 && token.length() > 4) {
				int at = 1 + random.nextInt(token.length() - 2);
				token = token.substring(0, at) + (char) ('A' + random.nextInt(26)) + token.substring(at + 1);
			}
			tokens.set(t, token);
		}
		String written = String.join(" ", tokens);
		if (random.nextInt(10) == 0) {
			written = "U " + written;
		}
		return random.nextBoolean() ? written.toLowerCase(java.util.Locale.ROOT) : written;
	}

	/** Writes persons.csv, records.csv and truth.csv into a folder: {@code DIR PERSONS RECORDS}. */
	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		int personCount = Integer.parseInt(args[1]);
		int recordCount = Integer.parseInt(args[2]);
		SyntheticPopulation population = new SyntheticPopulation(42);
		List<Person> persons = population.persons(personCount);
		List<Labelled> records = population.records(persons, recordCount, 0.7);
		Files.createDirectories(dir);
		write(dir.resolve("persons.csv"), persons.stream().map(Person::record).toList());
		write(dir.resolve("records.csv"), records.stream().map(Labelled::record).toList());
		try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("truth.csv"))) {
			out.write("record_id,person_id\n");
			for (Labelled labelled : records) {
				out.write(labelled.record().id() + "," + (labelled.truePersonId() == null ? "" : labelled.truePersonId())
						+ "\n");
			}
		}
	}

	static void write(Path file, List<LinkageRecord> rows) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("id,full_name,sex,birth_date,nationality,document_number\n");
			for (LinkageRecord row : rows) {
				out.write(String.join(",", row.id(), row.fullName(), row.sex() == null ? "" : row.sex(),
						row.birthDate().text(), row.nationality() == null ? "" : "\"" + row.nationality() + "\"",
						row.documentNumber() == null ? "" : row.documentNumber()));
				out.write("\n");
			}
		}
	}
}
