package id.pantau.demodata;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingBulkLoad;
import id.pantau.identity.AccountOpening;
import id.pantau.platform.copy.CopyTables;
import id.pantau.registry.RegistryBulkLoad;
import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.PantauCommand;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pantau.jar demo-data --persons N --crossings M --reports K [--alerts A] [--villages CODES|all]
 * [--linked PERCENT] [--seed S] [--force]}: fills the database with a generated data set (see {@link DemoDataSet})
 * and prints what it wrote and how fast.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DemoDataCommand extends DeclaredCommand<DemoDataCommand.Options> implements PantauCommand {

	/** The counts as written ({@code 100_000} reads as 100000), read in {@link #run}. */
	@Command(name = "demo-data",
			header = "mengisi basis data dengan data buatan: demo-data --persons N --crossings M --reports K [--force]",
			description = "Mengisi basis data dengan data buatan (hanya basis data demo atau "
			+ "uji) dan mencetak apa yang ditulis dan seberapa cepat.")
	static class Options {

		@Option(names = "--persons", paramLabel = "N", description = "orang asing (bawaan 1000)")
		String persons = "1000";

		@Option(names = "--crossings", paramLabel = "M", description = "perlintasan (bawaan 10 x orang)")
		String crossings;

		@Option(names = "--reports", paramLabel = "K", description = "laporan ohoi (bawaan orang / 5)")
		String reports;

		@Option(names = "--alerts", paramLabel = "A", description = "peringatan (bawaan orang / 20)")
		String alerts;

		@Option(names = "--villages", paramLabel = "KODE,KODE|all", description = "desa yang diisi (bawaan: desa demo)")
		String villages;

		@Option(names = "--linked", paramLabel = "PERSEN", description = "perlintasan yang tertaut ke orang (bawaan 40)")
		String linked = "40";

		@Option(names = "--seed", paramLabel = "S", description = "benih acak (bawaan 2026)")
		String seed = "2026";

		@Option(names = "--force", description = "tulis juga ke basis data yang berisi lebih dari data demo")
		boolean force;
	}

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final AccountOpening accounts;
	private final AuditTrail audit;
	private final Clock clock;

	@Override
	protected int run(Options given, List<String> args, PrintStream out, PrintStream err) {
		DemoDataSet.Options options;
		try {
			int persons = Integer.parseInt(given.persons.replace("_", ""));
			long crossings = given.crossings == null ? persons * 10L : Long.parseLong(given.crossings.replace("_", ""));
			int reports = given.reports == null ? persons / 5 : Integer.parseInt(given.reports.replace("_", ""));
			int alerts = given.alerts == null ? persons / 20 : Integer.parseInt(given.alerts.replace("_", ""));
			int linked = Integer.parseInt(given.linked);
			long seed = Long.parseLong(given.seed);
			List<String> villages = villages(given.villages, out);
			if (villages == null) {
				return 2;
			}
			options = new DemoDataSet.Options(persons, crossings, reports, alerts, villages, linked, seed);
		}
		catch (IllegalArgumentException e) {
			return badArguments("Argumen tidak sah: " + e.getMessage(), out);
		}
		List<String> foreign;
		try {
			foreign = foreignData();
		}
		catch (SQLException e) {
			out.println("Gagal membaca basis data: " + e.getMessage());
			return 1;
		}
		if (!foreign.isEmpty() && !given.force) {
			out.println("Ditolak: basis data ini berisi lebih dari data demo (" + String.join("; ", foreign) + ").");
			out.println("demo-data tidak menulis data buatan ke basis data yang dipakai sungguhan. Jika memang"
					+ " disengaja (basis data uji), ulangi dengan --force.");
			return 1;
		}
		HeapPeak heap = new HeapPeak();
		out.printf("Membuat data demo: %,d orang, %,d perlintasan (%d %% tertaut), %,d laporan ohoi, %,d peringatan,"
				+ " %d desa, seed %d%n", options.persons(), options.crossings(), options.linkedPercent(),
				options.reports(), options.alerts(), options.villages().size(), options.seed());
		try {
			DemoDataSet.Result result = DemoDataSet.generate(dataSource, options, clock, p -> {
			}, out);
			out.printf("%n%-22s %14s %10s %12s%n", "tabel", "baris", "detik", "baris/detik");
			for (DemoDataSet.TableFigures table : result.tables()) {
				if (table.rows() == 0 && !table.table().startsWith("(")) {
					continue;
				}
				out.printf("%-22s %,14d %10.1f %,12.0f%n", table.table(), table.rows(), table.seconds(),
						table.rowsPerSecond());
			}
			out.printf("%-22s %,14d %10.1f %,12.0f%n", "semua (waktu total)", result.rows(), result.seconds(),
					result.rows() / result.seconds());
			out.printf("heap puncak (batas atas) %,d MB (maks. %,d MB)%n", heap.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
			audit.recordAs(DemoDataSet.ACTOR, AuditEntry.of("DEMO_DATA_GENERATED")
					.detail("persons", options.persons()).detail("crossings", options.crossings())
					.detail("reports", options.reports()).detail("alerts", options.alerts())
					.detail("seed", options.seed()).detail("forced", !foreign.isEmpty()));
			return 0;
		}
		catch (Exception e) {
			out.println("Gagal membuat data demo (tidak ada yang ditulis): " + e.getMessage());
			return 1;
		}
	}

	/** The villages asked for: all of the reference data, the given codes, or by default Kota Tual's. */
	private List<String> villages(String option, PrintStream out) {
		List<String> known = jdbc.sql("select code from region_read where level = 'VILLAGE' order by code")
				.query(String.class).list();
		if (option == null) {
			List<String> tual = known.stream().filter(c -> c.startsWith("81.72.")).toList();
			return tual.isEmpty() ? known : tual;
		}
		if (option.equals("all")) {
			return known;
		}
		List<String> asked = Arrays.stream(option.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
		List<String> unknown = asked.stream().filter(c -> !known.contains(c)).toList();
		if (asked.isEmpty() || !unknown.isEmpty()) {
			out.println("Kode desa tidak dikenal: " + String.join(", ", unknown.isEmpty() ? List.of(option) : unknown)
					+ " (pakai kode Kemendagri desa/kelurahan, mis. 81.72.01.2001, atau all)");
			return null;
		}
		return asked;
	}

	/**
	 * What shows that the database is in real use: persons or import batches that neither the built-in demo nor this
	 * command made, accounts without the demo accounts (a real installation), or village reports written there.
	 */
	private List<String> foreignData() throws SQLException {
		List<String> found = new ArrayList<>();
		List<String> demo = List.of("demo", DemoDataSet.ACTOR);
		long persons;
		long batches;
		try (Connection connection = dataSource.getConnection()) {
			CopyTables tables = new CopyTables(connection);
			persons = RegistryBulkLoad.into(tables).personsNotCreatedBy(demo);
			batches = CrossingBulkLoad.into(tables).batchesNotCreatedBy(demo);
		}
		if (persons > 0) {
			found.add(persons + " orang asing yang dicatat pengguna");
		}
		if (batches > 0) {
			found.add(batches + " impor data perlintasan");
		}
		boolean demoAccounts = Stream.of("kesbangpol", "imigrasi", "bpmpd").allMatch(accounts::exists);
		long accountCount = accounts.accounts();
		if (accountCount > 0 && !demoAccounts) {
			found.add(accountCount + " akun pengguna tanpa akun demo");
		}
		long reports = jdbc.sql("select count(*) from village_report_read where number not like 'DEMO/%'")
				.query(Long.class).single();
		if (!demoAccounts && reports > 0) {
			found.add(reports + " laporan ohoi");
		}
		return found;
	}

	/**
	 * The heap's peak while open, from the JVM's own peak counters of the heap pools (reset when opened): their sum is
	 * an upper bound, since the pools need not peak at the same moment.
	 */
	private static final class HeapPeak {

		private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP).toList();

		HeapPeak() {
			pools.forEach(MemoryPoolMXBean::resetPeakUsage);
		}

		long peak() {
			return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		}
	}
}
