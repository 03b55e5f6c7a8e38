package id.pantau.matching.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import id.pantau.matching.linkage.BatchLinkage;
import id.pantau.matching.linkage.Decision;
import id.pantau.matching.linkage.LinkResult;
import id.pantau.matching.linkage.LinkageModel;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.Linker;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.matching.linkage.TermFrequencies;
import id.pantau.matching.linkage.Thresholds;
import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.StandaloneCommand;
import id.pantau.platform.tables.Csv;
import id.pantau.reference.NationalityResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pantau.jar link --persons PERSONS.csv --records RECORDS.csv --out LINKS.csv}: links every record to
 * the best person, without a database. Exits 0 when the output is written, 2 for bad input or options, with a message
 * in Indonesian (and English) and never a stack trace.
 */
public final class LinkCommand extends DeclaredCommand<LinkCommand.Arguments> implements StandaloneCommand {

	@Command(name = "link",
			header = "menautkan catatan ke orang dari dua CSV tanpa basis data: link --persons A.csv --records B.csv "
					+ "--out C.csv",
			description = {
			"Menautkan tiap catatan ke orang terbaik, tanpa basis data.",
			"Kedua berkas masukan berkepala: id,full_name,sex,birth_date,nationality,document_number",
			"(birth_date yyyy-mm-dd, yyyy atau kosong; sex M, F atau kosong; nationality kode ISO atau nama negara).",
			"Keluaran: record_id,person_id,score,decision  (satu baris per catatan; decision MATCH, REVIEW, NONE;",
			"score = peluang cocok 0..1 dari kandidat terbaik; person_id kosong bila tidak ada kandidat)" })
	static class Arguments {

		@Option(names = "--persons", paramLabel = "ORANG.csv", description = "orang yang dicari (wajib)")
		Path persons;

		@Option(names = "--records", paramLabel = "CATATAN.csv", description = "catatan yang ditautkan (wajib)")
		Path records;

		@Option(names = "--out", paramLabel = "HASIL.csv", description = "hasil yang ditulis (wajib)")
		Path out;

		@Option(names = "--explain", description = "tambah kolom 'explanation': bobot tiap kolom (bit) kandidat terbaik")
		boolean explain;

		@Option(names = "--match", paramLabel = "P", description = "ambang MATCH, peluang (bawaan 0.99)")
		Double match;

		@Option(names = "--review", paramLabel = "P", description = "ambang REVIEW, peluang (bawaan 0.5)")
		Double review;

		@Option(names = "--margin", paramLabel = "BIT", description = { "selisih bobot minimum terhadap kandidat "
				+ "kedua; bila lebih dekat, MATCH jadi REVIEW (nama kembar; bawaan 5)" })
		Double margin;

		@Option(names = "--model", paramLabel = "BERKAS", description = "model awal (properties: prior, "
				+ "name.EXACT.m, name.EXACT.u, ..., threshold.match)")
		Path model;

		@Option(names = "--no-estimate", description = "pakai model apa adanya, tanpa estimasi EM dari data")
		boolean noEstimate;

		@Option(names = "--save-model", paramLabel = "BERKAS", description = "simpan model yang dipakai (setelah EM) "
				+ "sebagai properties")
		Path saveModel;
	}

	private final boolean terminal;

	public LinkCommand() {
		this(System.console() != null);
	}

	LinkCommand(boolean terminal) {
		this.terminal = terminal;
	}

	@Override
	protected int run(Arguments arguments, List<String> args, PrintStream out, PrintStream err) {
		try {
			return link(Options.of(arguments), out, err);
		}
		catch (BadInput bad) {
			if (bad.getMessage().startsWith("Opsi")) {
				return badArguments(String.join(System.lineSeparator(), bad.messages()), err);
			}
			bad.messages().forEach(err::println);
			return 2;
		}
		catch (OutOfMemoryError memory) {
			err.println("Memori tidak cukup (out of memory): jalankan dengan -Xmx lebih besar, mis. java -Xmx4g -jar ...");
			return 3;
		}
	}

	record Options(Path persons, Path records, Path out, boolean explain, Double match, Double review, Double margin,
			Path model, boolean estimate, Path saveModel) {

		static Options of(Arguments given) throws BadInput {
			return new Options(required(given.persons, "--persons"), required(given.records, "--records"),
					required(given.out, "--out"), given.explain, given.match, given.review, given.margin,
					blankIsNone(given.model), !given.noEstimate, blankIsNone(given.saveModel));
		}

		private static Path required(Path path, String name) throws BadInput {
			if (blankIsNone(path) == null) {
				throw new BadInput("Opsi " + name + " wajib (required option).");
			}
			return path;
		}

		private static Path blankIsNone(Path path) {
			return path == null || path.toString().isBlank() ? null : path;
		}
	}

	private int link(Options options, PrintStream out, PrintStream err) throws BadInput {
		long started = System.nanoTime();
		LinkageModel model = startModel(options);
		Path outParent = options.out().toAbsolutePath().getParent();
		if (outParent != null && !Files.isDirectory(outParent)) {
			throw new BadInput("Folder keluaran tidak ada (output folder missing): " + outParent);
		}
		Progress progress = new Progress(err, terminal);
		Linker linker = new Linker(model, TermFrequencies.none(), NationalityResolver.bundled());
		PersonIndex.Builder builder = new PersonIndex.Builder(linker);
		long persons = LinkageCsv.read(options.persons(), 20_000, builder::addAll,
				rows -> progress.show("Membaca orang (reading persons): " + rows));
		if (persons == 0) {
			throw new BadInput(options.persons().getFileName() + ": tidak ada baris orang (no person rows).");
		}
		PersonIndex index = builder.build();
		progress.show("Indeks orang siap (persons indexed): " + persons);
		List<LinkageRecord> records = new ArrayList<>();
		LinkageCsv.read(options.records(), 20_000, records::addAll,
				rows -> progress.show("Membaca catatan (reading records): " + rows));
		int total = records.size();
		BatchLinkage.Outcome outcome = new BatchLinkage(
				linker.withFrequencies(BatchLinkage.population(linker, index, records)), index, options.estimate())
				.run(records,
				(pass, done, all) -> progress.show(String.format(Locale.ROOT, "%s: %d/%d (%d%%)",
						pass == 1 ? "Membandingkan (comparing)" : "Menilai (scoring)", done, all, 100L * done / all)));
		records = null;
		Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
		for (Decision decision : Decision.values()) {
			decisions.put(decision, 0);
		}
		try (BufferedWriter writer = Files.newBufferedWriter(options.out(), StandardCharsets.UTF_8)) {
			writer.write(options.explain() ? "record_id,person_id,score,decision,explanation\n"
					: "record_id,person_id,score,decision\n");
			for (LinkResult result : outcome.results()) {
				decisions.merge(result.decision(), 1, Integer::sum);
				writeRow(writer, result, options.explain());
			}
		}
		catch (IOException io) {
			throw new BadInput("Berkas keluaran tidak dapat ditulis (cannot write output): " + options.out() + ": "
					+ io.getMessage());
		}
		if (options.saveModel() != null) {
			saveModel(outcome.model(), options.saveModel());
		}
		progress.clear();
		double seconds = (System.nanoTime() - started) / 1e9;
		out.printf(Locale.ROOT,
				"Selesai (done): %d catatan terhadap %d orang dalam %.1f s; MATCH %d, REVIEW %d, NONE %d;"
						+ " %d pasangan dibandingkan (pairs compared)%s.%n",
				total, persons, seconds, decisions.get(Decision.MATCH), decisions.get(Decision.REVIEW),
				decisions.get(Decision.NONE), outcome.comparisons(),
				outcome.emIterations() > 0 ? "; EM " + outcome.emIterations() + " putaran (rounds)" : "");
		return 0;
	}

	private static void writeRow(Writer writer, LinkResult result, boolean explain) throws IOException {
		List<String> cells = new ArrayList<>(5);
		cells.add(result.recordId());
		cells.add(result.best() == null ? null : result.best().personId());
		cells.add(result.best() == null ? "0" : String.format(Locale.ROOT, "%.6f", result.best().probability()));
		cells.add(result.decision().name());
		if (explain) {
			String text = result.best() == null ? "" : result.best().explain();
			if (result.namesakes()) {
				text += String.format(Locale.ROOT, "; namesake %s %+.2f", result.second().personId(),
						result.second().matchWeight());
			}
			cells.add(text);
		}
		// record ids come from the user's file: the output passes the one formula guard like every file Pantau writes
		writer.write(Csv.safeLine(cells));
		writer.write('\n');
	}

	private static LinkageModel startModel(Options options) throws BadInput {
		LinkageModel model = LinkageModel.defaults();
		if (options.model() != null) {
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(options.model(), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException io) {
				throw new BadInput("Berkas model tidak dapat dibaca (cannot read model): " + options.model());
			}
			Map<String, String> values = new TreeMap<>();
			properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
			try {
				model = LinkageModel.fromProperties(values);
			}
			catch (IllegalArgumentException invalid) {
				throw new BadInput("Berkas model tidak valid (invalid model): " + invalid.getMessage());
			}
		}
		Thresholds base = model.thresholds();
		try {
			return model.withThresholds(new Thresholds(options.match() == null ? base.match() : options.match(),
					options.review() == null ? base.review() : options.review(),
					options.margin() == null ? base.namesakeMargin() : options.margin()));
		}
		catch (IllegalArgumentException invalid) {
			throw new BadInput("Opsi ambang tidak valid (invalid thresholds): perlu 0 < --review <= --match < 1 dan"
					+ " --margin >= 0.");
		}
	}

	private static void saveModel(LinkageModel model, Path file) throws BadInput {
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write("# Model Fellegi-Sunter Pantau (link --save-model)\n");
			for (Map.Entry<String, String> entry : model.toProperties().entrySet()) {
				writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
			}
		}
		catch (IOException io) {
			throw new BadInput("Model tidak dapat disimpan (cannot save model): " + file);
		}
	}

	/** A carriage-return line on a terminal, at most a few times a second; nothing otherwise. */
	static final class Progress {

		private final PrintStream err;

		private final boolean terminal;

		private long last;

		private int width;

		Progress(PrintStream err, boolean terminal) {
			this.err = err;
			this.terminal = terminal;
		}

		synchronized void show(String line) {
			if (!terminal) {
				return;
			}
			long now = System.nanoTime();
			if (now - last < 200_000_000L) {
				return;
			}
			last = now;
			err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
			err.flush();
			width = line.length();
		}

		synchronized void clear() {
			if (terminal && width > 0) {
				err.print("\r" + " ".repeat(width) + "\r");
				err.flush();
			}
		}
	}
}
