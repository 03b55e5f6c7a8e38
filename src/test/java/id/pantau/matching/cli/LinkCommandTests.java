package id.pantau.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import id.pantau.platform.StandaloneCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTests {

	private static final String HEADER = "id,full_name,sex,birth_date,nationality,document_number\n";

	@TempDir
	Path folder;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(boolean terminal, String... args) {
		return new LinkCommand(terminal).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private int run(String... args) {
		return run(false, args);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private Path file(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
	}

	private Path persons() throws IOException {
		StringBuilder text = new StringBuilder(HEADER);
		text.append("P1,KYAW MIN,M,1985-03-07,MMR,MA1234507\n");
		text.append("P2,SOMCHAI PRASERT,M,1979,THA,\n");
		text.append("P3,THEIN ZAW HTET,M,1980-05-01,MMR,\n");
		text.append("P4,THEIN ZAW HTET,M,1980-09-09,MMR,\n");
		text.append("P5,\"NGUYEN, VAN NAM\",,,,\n");
		for (int i = 0; i < 300; i++) {
			text.append("X").append(i).append(",PERSON ").append(word(i)).append(" LAIN,F,19")
					.append(50 + i % 50).append(",VNM,\n");
		}
		return file("persons.csv", text.toString());
	}

	private static String word(int i) {
		return "" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + "ROK";
	}

	private Path records() throws IOException {
		return file("records.csv", HEADER + "R1,U Kyo Min,M,1985,Burma,MA 12345O7\n" + "R2,Somchai Prasert,,,,\n"
				+ "R3,Thein Zaw Htet,M,1980,Myanmar,\n" + "R4,Nobody Known,F,2001-01-01,Filipina,\n");
	}

	private List<List<String>> rows(Path file) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			rows.add(List.of(line.split(",", -1)));
		}
		return rows;
	}

	@Test
	void linksEveryRecordAndWritesOneRowEach() throws IOException {
		Path links = folder.resolve("links.csv");
		int status = run("--persons", persons().toString(), "--records", records().toString(), "--out",
				links.toString());
		assertThat(status).as(err()).isZero();
		List<List<String>> rows = rows(links);
		assertThat(rows.get(0)).containsExactly("record_id", "person_id", "score", "decision");
		assertThat(rows).hasSize(5);
		assertThat(rows.get(1)).startsWith("R1", "P1").endsWith("MATCH");
		assertThat(rows.get(3).get(0)).isEqualTo("R3");
		assertThat(rows.get(3).get(3)).as("namesakes go to review").isIn("REVIEW", "NONE");
		assertThat(rows.get(4)).startsWith("R4").endsWith("NONE");
		for (List<String> row : rows.subList(1, rows.size())) {
			assertThat(Double.parseDouble(row.get(2))).isBetween(0.0, 1.0);
		}
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Selesai (done): 4 catatan terhadap 305 orang");
		assertThat(err()).as("no progress when not on a terminal").isEmpty();
	}

	@Test
	void explainAddsTheFieldByFieldWeights() throws IOException {
		Path links = folder.resolve("links.csv");
		assertThat(run("--persons", persons().toString(), "--records", records().toString(), "--out",
				links.toString(), "--explain", "--no-estimate", "--match", "0.9", "--review", "0.2")).isZero();
		List<String> lines = Files.readAllLines(links);
		assertThat(lines.get(0)).isEqualTo("record_id,person_id,score,decision,explanation");
		assertThat(lines.get(1)).contains("name RESPELLED", "document OCR", "birth_date YEAR_ONLY", "total");
		assertThat(lines.get(3)).contains("namesake P");
	}

	@Test
	void showsProgressOnATerminal() throws IOException {
		assertThat(run(true, "--persons", persons().toString(), "--records", records().toString(), "--out",
				folder.resolve("links.csv").toString())).isZero();
		assertThat(err()).contains("\r");
	}

	@Test
	void theModelCanBeSavedAndUsedAgain() throws IOException {
		Path model = folder.resolve("model.properties");
		assertThat(run("--persons", persons().toString(), "--records", records().toString(), "--out",
				folder.resolve("a.csv").toString(), "--save-model", model.toString())).isZero();
		assertThat(Files.readString(model)).contains("prior=", "name.EXACT.m=", "threshold.match=");
		assertThat(run("--persons", persons().toString(), "--records", records().toString(), "--out",
				folder.resolve("b.csv").toString(), "--model", model.toString(), "--no-estimate")).isZero();
		assertThat(Files.readAllLines(folder.resolve("b.csv"))).isEqualTo(Files.readAllLines(folder.resolve("a.csv")));
	}

	@Test
	void aWrongHeaderIsRefusedByName() throws IOException {
		Path persons = file("persons.csv", "id,name,sex,birth_date,nationality,document_number\nP1,A B,M,,,\n");
		assertThat(run("--persons", persons.toString(), "--records", records().toString(), "--out",
				folder.resolve("links.csv").toString())).isEqualTo(2);
		assertThat(err()).contains("persons.csv: kepala kolom tidak sesuai", "full_name")
				.doesNotContain("Exception", "\tat ");
		assertThat(folder.resolve("links.csv")).doesNotExist();
	}

	@Test
	void badRowsAreNamedWithTheirLine() throws IOException {
		Path records = file("records.csv",
				HEADER + "R1,A B,X,,,\nR2,A B,M,1985-13-01,,\n,A B,M,,,\nR4,A B,M\nR5,\"Kyaw, Min\",,,,\n");
		assertThat(run("--persons", persons().toString(), "--records", records.toString(), "--out",
				folder.resolve("links.csv").toString())).isEqualTo(2);
		assertThat(err()).contains("records.csv baris 2: jenis kelamin 'X'", "records.csv baris 3: tanggal lahir",
				"records.csv baris 4: id kosong", "records.csv baris 5: ada 3 kolom").doesNotContain("baris 6");
	}

	@Test
	void emptyFieldsAreAllowed() throws IOException {
		Path records = file("records.csv", HEADER + "R1,,,,,\nR2,KYAW MIN,,,,\n");
		Path links = folder.resolve("links.csv");
		assertThat(run("--persons", persons().toString(), "--records", records.toString(), "--out",
				links.toString())).as(err()).isZero();
		assertThat(Files.readAllLines(links)).hasSize(3).element(1).isEqualTo("R1,,0,NONE");
	}

	@Test
	void aMissingFileOrOptionFailsWithAMessageNotATrace() throws IOException {
		assertThat(run("--persons", folder.resolve("nope.csv").toString(), "--records", records().toString(),
				"--out", folder.resolve("links.csv").toString())).isEqualTo(2);
		assertThat(err()).contains("Berkas tidak ditemukan").contains("nope.csv");
		err.reset();
		assertThat(run("--records", records().toString())).isEqualTo(2);
		assertThat(err()).contains("--persons wajib").contains("Pemakaian");
		err.reset();
		assertThat(run("--persons", persons().toString(), "--records", records().toString(), "--out",
				folder.resolve("x.csv").toString(), "--match", "0.3", "--review", "0.8")).isEqualTo(2);
		assertThat(err()).contains("ambang tidak valid");
		err.reset();
		assertThat(run("--frobnicate")).isEqualTo(2);
		assertThat(err()).contains("Opsi tidak dikenal");
	}

	@Test
	void helpPrintsTheUsage() {
		assertThat(run("--help")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("--explain", "--match", "--review", "--margin",
				"record_id,person_id,score,decision");
	}

	@Test
	void theJarFindsTheCommand() {
		assertThat(ServiceLoader.load(StandaloneCommand.class).stream().map(ServiceLoader.Provider::type))
				.contains(LinkCommand.class);
	}
}
