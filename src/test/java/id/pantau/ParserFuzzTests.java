package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import id.pantau.platform.tables.RowSource;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.platform.tables.Workbooks;
import id.pantau.registry.mrz.MrzParser;
import id.pantau.registry.mrz.MrzResult;
import id.pantau.registry.names.NameNormalizer;
import id.pantau.registry.names.NormalizedName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of the four readers of untrusted input: the MRZ parser, the CSV reader, the XLSX reader and the
 * name normaliser. Inputs are valid samples with random bytes or characters flipped, inserted, deleted, repeated or
 * spliced, and random text, from fixed seeds (the same inputs every run; a failure names its input). Each input must be
 * read, or refused with the reader's documented exception only ({@code NotAnMrzException} for the parser,
 * {@code UnreadableFile} for the tables, none for the normaliser), and within a time bound, so that no input hangs a
 * request.
 * <p>
 * In the build it runs briefly (a few seconds); longer on demand: {@code ./mvnw test -Dtest=ParserFuzzTests
 * -Dpantau.tries=100000}, and {@code -Dpantau.fuzzSeed=N} for other inputs. Jazzer (coverage-guided) resolves too, but
 * needs its agent and a native library per platform; these seeded mutations need nothing.
 */
class ParserFuzzTests {

	private static final int TRIES = RandomInputs.TRIES;
	private static final long SEED = Long.getLong("pantau.fuzzSeed", 2026);
	private static final Duration PER_INPUT = Duration.ofSeconds(2);
	private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	private static final List<String> ZONES = List.of(
			"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
			"I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<",
			"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6");

	private static final List<String> NAMES = List.of("NGUYỄN VĂN HÙNG", "U Kyaw Min Htun", "Daw Aye Aye Myint",
			"SOMCHAI  srisuk", "De Vries, Pieter", "Ma Thida\u200B", "\u202Eevil\u202C name", "ŞÜKRÜ ÖZTÜRK",
			"王伟", "김민준", "José da Silva-Soares", "O'Brien", "Ẓ̵̡a̶l̷g̸o̵", "");

	private static final String CSV = """
			arah,waktu,tpi,nomor_dokumen,kewarganegaraan,nama,tanggal_lahir,jenis_kelamin
			MASUK,2025-03-01 08:15:00,TUAL-LAUT,MA1234567,MMR,"KYAW, MIN",1980-01-02,L
			KELUAR;2025-03-02 09:00;AMBON-UDARA;;Muangthai;"SOMCHAI ""SOM"" SRISUK";;P
			MASUK,2025-03-03,DOBO-LAUT,X 99,Burma,"baris
			baru",1979,
			""";

	@TempDir
	static Path folder;

	private static Path workbook;

	@BeforeAll
	static void sampleWorkbook() throws IOException {
		workbook = Workbooks.write(folder, true, List.of(
				List.<Object>of("arah", "waktu", "nama", "tanggal_lahir"),
				List.<Object>of("MASUK", java.time.LocalDateTime.of(2025, 3, 1, 8, 15), "KYAW MIN", LocalDate.of(1980, 1, 2)),
				List.<Object>of("KELUAR", "2025-03-02 09:00", "SOMCHAI SRISUK", 1979)));
	}

	@Test
	void theMrzParserReadsOrRefusesEveryMutatedZoneAsNoZoneInTime() {
		RandomInputs.check(SEED, TRIES * 2, in -> in.random().nextInt(4) == 0 ? in.anyText(200)
				: mutate(in.random(), ZONES.get(in.random().nextInt(ZONES.size()))), text -> within(() -> {
					try {
						MrzResult result = MrzParser.parse(text, TODAY);
						assertThat(result.valid()).isEqualTo(result.invalidFields().isEmpty());
					}
					catch (id.pantau.registry.mrz.NotAnMrzException refused) {
						assertThat(refused.getMessage()).startsWith("Bukan MRZ: ");
					}
				}));
	}

	@Test
	void theNameNormaliserNeverThrowsAndGivesAStableKeyInTime() {
		RandomInputs.check(SEED + 1, TRIES * 2, in -> in.random().nextInt(3) == 0 ? in.anyText(300)
				: mutate(in.random(), NAMES.get(in.random().nextInt(NAMES.size()))), text -> within(() -> {
					NormalizedName name = NameNormalizer.normalize(text);
					assertThat(NameNormalizer.normalize(name.display()).sortedKey()).isEqualTo(name.sortedKey());
				}));
	}

	@Test
	void theCsvReaderReadsOrRefusesEveryMutatedFileInTime() {
		byte[] sample = CSV.getBytes(StandardCharsets.UTF_8);
		RandomInputs.check(SEED + 2, Math.max(20, TRIES / 2), in -> in.random().nextInt(5) == 0 ? randomBytes(in.random())
				: mutate(in.random(), sample), bytes -> within(() -> readAll(bytes, ".csv")));
	}

	@Test
	void theXlsxReaderReadsOrRefusesEveryMutatedWorkbookInTime() throws IOException {
		byte[] raw = Files.readAllBytes(workbook);
		Map<String, byte[]> entries = entries(workbook);
		RandomInputs.check(SEED + 3, Math.max(20, TRIES / 10), in -> in.random().nextBoolean() ? mutate(in.random(), raw)
				: mutatedEntry(in.random(), entries), bytes -> within(() -> readAll(bytes, ".xlsx")));
	}

	/** Reads every row; {@code UnreadableFile} is the one refusal a reader may give. */
	private static void readAll(byte[] bytes, String suffix) {
		try {
			Path file = Files.createTempFile(folder, "fuzz", suffix);
			Files.write(file, bytes);
			try (RowSource rows = RowSource.open(file)) {
				int count = 0;
				while (rows.next() != null) {
					assertThat(++count).as("rows").isLessThan(1_000_000);
				}
				assertThat(rows.progress()).isBetween(0.0, 1.0);
			}
			catch (UnreadableFile refused) {
				assertThat(refused.messageKey()).startsWith("import.");
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException e) {
			throw new AssertionError("an input/output error other than a refusal", e);
		}
	}

	private static void within(Runnable work) {
		long start = System.nanoTime();
		work.run();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("time for one input").isLessThan(PER_INPUT);
	}

	private static String mutate(Random random, String text) {
		StringBuilder out = new StringBuilder(text);
		int edits = 1 + random.nextInt(6);
		for (int e = 0; e < edits; e++) {
			int at = out.length() == 0 ? 0 : random.nextInt(out.length());
			switch (random.nextInt(6)) {
				case 0 -> {
					if (out.length() > 0) {
						out.deleteCharAt(at);
					}
				}
				case 1 -> out.insert(at, (char) random.nextInt(0x3000));
				case 2 -> {
					if (out.length() > 0) {
						String confusable = "<0OI1 \n\r\t«‹";
						out.setCharAt(at, confusable.charAt(random.nextInt(confusable.length())));
					}
				}
				case 3 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(50))).repeat(
						1 + random.nextInt(20)));
				case 4 -> out.insert(at, "\uD83D\uDE00\u0301\u200D\uFEFF\u202E".charAt(random.nextInt(6)));
				default -> {
					if (out.length() > 0) {
						out.setLength(at);
					}
				}
			}
		}
		return out.toString();
	}

	private static byte[] mutate(Random random, byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] copy = bytes.clone();
		int edits = 1 + random.nextInt(8);
		List<Integer> cuts = new ArrayList<>();
		for (int e = 0; e < edits; e++) {
			int at = random.nextInt(copy.length);
			switch (random.nextInt(4)) {
				case 0 -> copy[at] = (byte) random.nextInt(256);
				case 1 -> copy[at] ^= (byte) (1 << random.nextInt(8));
				case 2 -> copy[at] = (byte) (random.nextBoolean() ? 0 : 0xFF);
				default -> cuts.add(at);
			}
		}
		int end = cuts.isEmpty() ? copy.length : cuts.stream().min(Integer::compare).get();
		out.write(copy, 0, end);
		if (random.nextInt(4) == 0) {
			int from = random.nextInt(copy.length);
			byte[] splice = java.util.Arrays.copyOfRange(copy, from, Math.min(copy.length, from + 200));
			for (int i = random.nextInt(30); i >= 0; i--) {
				out.write(splice, 0, splice.length);
			}
		}
		return out.toByteArray();
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(4096)];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A well-formed ZIP whose one entry (sheet, shared strings, styles, content types...) is mutated. */
	private static byte[] mutatedEntry(Random random, Map<String, byte[]> entries) {
		List<String> names = new ArrayList<>(entries.keySet());
		String victim = names.get(random.nextInt(names.size()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				byte[] content = entries.get(name);
				if (name.equals(victim)) {
					content = random.nextBoolean() ? mutate(random, content)
							: mutate(random, new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
				}
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return bytes.toByteArray();
	}

	private static Map<String, byte[]> entries(Path file) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				try (InputStream in = zip.getInputStream(entry)) {
					entries.put(entry.getName(), in.readAllBytes());
				}
			}
		}
		return entries;
	}
}
