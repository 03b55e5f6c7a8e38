package id.pantau.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.TestClock;
import id.pantau.bench.PortData;
import id.pantau.crossings.domain.CrossingImports;
import id.pantau.matching.cli.LinkCommand;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.Csv;
import id.pantau.registry.PersonForm;
import id.pantau.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's matching of an imported batch and the {@code link} command decide alike: the same port export and
 * the same registry, on a database of their own (no demo data, so that the name frequencies are those of these files
 * alone), give the same decision and the same person for every crossing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "pantau.demo=false")
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class AppAndLinkDecideAlikeIntegrationTests {

	private record Officer(String getUsername, Scope scope) implements ScopedPrincipal {
	}

	private static final Officer REGISTRAR = new Officer("kesbangpol", Scope.of("81.72"));

	@Autowired
	Registry registry;

	@Autowired
	CrossingImports imports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPortExportMatchedByTheApplicationGetsTheDecisionsOfTheLinkCommand(@TempDir Path folder) throws IOException {
		int residents = Integer.getInteger("port.residents", 150);
		int crossings = Integer.getInteger("port.crossings", 1_500);
		new PortData(20261204L, residents, crossings).write(folder);
		Map<String, Long> registered = new HashMap<>();
		for (String[] person : rows(folder.resolve("persons.csv"))) {
			registered.put(person[0], registry.register(REGISTRAR, new PersonForm(person[1], "PASSPORT", person[2],
					person[3], person[4], "", "EX_CREW", "", person[5].isEmpty() ? "" : "PASSPORT", person[5], "", "",
					"", "", "", "81.72.01.2001", "", "")).id());
		}
		List<String[]> records = rows(folder.resolve("records.csv"));
		Path export = folder.resolve("export.csv");
		List<String> lines = new ArrayList<>();
		lines.add("arah,waktu,tpi,nomor_dokumen,kewarganegaraan,nama,tanggal_lahir,jenis_kelamin");
		LocalDateTime at = LocalDateTime.of(2026, 2, 1, 6, 0);
		Map<String, String> recordAt = new HashMap<>();
		for (String[] record : records) {
			at = at.plusMinutes(7);
			recordAt.put(at.toString().replace('T', ' '), record[0]);
			lines.add(Csv.line(List.of("MASUK", at.toString().replace('T', ' '), "TUAL-LAUT", record[5], record[4],
					record[1], record[3], record[2])));
		}
		Files.write(export, lines, StandardCharsets.UTF_8);
		long batch = imports.importFile(export, new CrossingImports.Provenance("imigrasi", "export.csv",
				"Surat Kanim Tual W.27-789", "SIMKIM Kanim Tual"), null, done -> {
				}).batchId();
		await().atMost(Duration.ofSeconds(600)).until(() -> jdbc.sql(
				"select exists (select 1 from match_batch where batch_id = :batch)").param("batch", batch)
				.query(Boolean.class).single());

		Path links = folder.resolve("links.csv");
		ByteArrayOutputStream said = new ByteArrayOutputStream();
		int exit = new LinkCommand().run(List.of("--persons", folder.resolve("persons.csv").toString(), "--records",
				folder.resolve("records.csv").toString(), "--out", links.toString()),
				new PrintStream(said, true, StandardCharsets.UTF_8), new PrintStream(said, true, StandardCharsets.UTF_8));
		assertThat(exit).as(said.toString(StandardCharsets.UTF_8)).isZero();
		Map<String, String> byCommand = new HashMap<>();
		for (String[] link : rows(links)) {
			String person = link[3].equals("MATCH") ? " " + registered.get(link[1]) : "";
			byCommand.put(link[0], link[3] + person);
		}

		Map<String, String> byApplication = new HashMap<>();
		List<String> order = new ArrayList<>();
		jdbc.sql("""
				select to_char(x.crossed_at at time zone 'Asia/Jayapura', 'YYYY-MM-DD HH24:MI') as at,
				  coalesce(c.proposal || case when c.proposal = 'MATCH' then ' ' || c.person_id else '' end,
				  'NONE') as decision from crossing x
				left join match_case c on c.record_kind = 'CROSSING' and c.record_id = x.id
				where x.batch_id = :batch order by x.id""").param("batch", batch).query((rs, n) -> {
					String id = recordAt.get(rs.getString("at"));
					order.add(id);
					return byApplication.put(id, rs.getString("decision"));
				}).list();
		assertThat(order).as("every crossing of the file").containsExactlyInAnyOrderElementsOf(
				records.stream().map(record -> record[0]).toList());
		List<String> differences = new ArrayList<>();
		Set<String> strangers = new HashSet<>(Files.readAllLines(folder.resolve("strangers.txt")));
		Map<String, String> truth = new HashMap<>();
		for (String[] row : rows(folder.resolve("truth.csv"))) {
			truth.put(row[0], row.length > 1 && !row[1].isEmpty() ? Long.toString(registered.get(row[1])) : "");
		}
		int strangersLinked = 0;
		int matches = 0;
		int rightMatches = 0;
		for (String[] record : records) {
			String id = record[0];
			if (!byApplication.get(id).equals(byCommand.get(id))) {
				differences.add(id + ": app " + byApplication.get(id) + ", link " + byCommand.get(id));
			}
			if (byApplication.get(id).startsWith("MATCH")) {
				matches++;
				strangersLinked += strangers.contains(id) ? 1 : 0;
				rightMatches += byApplication.get(id).equals("MATCH " + truth.get(id)) ? 1 : 0;
			}
		}
		long known = truth.values().stream().filter(person -> !person.isEmpty()).count();
		System.out.printf("through the application: %,d residents, %,d crossings: MATCH %,d, precision %.4f, recall %.4f,"
				+ " strangers linked %d of %d; decisions differing from link's: %d%n", residents, crossings, matches,
				(double) rightMatches / Math.max(1, matches), (double) rightMatches / Math.max(1, known), strangersLinked,
				strangers.size(), differences.size());
		assertThat(differences).as("decisions that differ").isEmpty();
		assertThat(matches).as("the residents' own crossings are linked").isGreaterThan(100);
		assertThat(strangersLinked).as("strangers bearing a resident's name linked").isZero();
	}

	private static List<String[]> rows(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			rows.add(line.split(",", -1));
		}
		return rows;
	}
}
