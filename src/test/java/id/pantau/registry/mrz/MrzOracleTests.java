package id.pantau.registry.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import id.pantau.registry.mrz.ZoneBuilder.Document;
import id.pantau.registry.mrz.ZoneBuilder.Format;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the parser with an independent one: the npm package {@code mrz} 5.0.2 (MIT, zakodium), run by Node. The
 * package is installed once into {@code target/mrz-oracle}; without Node or the npm registry the test is skipped.
 */
class MrzOracleTests {

	private static final String PACKAGE = "mrz@5.0.2";

	private static final Path ORACLE = Path.of("target", "mrz-oracle");

	private static final LocalDate TODAY = MrzParserTests.TODAY;

	private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

	// reads a JSON array of zones (each an array of lines) on stdin, writes what mrz makes of each
	private static final String SCRIPT = """
			import { parse } from 'mrz';
			let input = '';
			for await (const chunk of process.stdin) input += chunk;
			const answers = JSON.parse(input).map((lines) => {
			  try {
			    const result = parse(lines);
			    return { format: result.format, valid: result.valid, fields: result.fields,
			      invalid: result.details.filter((d) => !d.valid).map((d) => d.field) };
			  } catch (e) {
			    return { error: String(e.message) };
			  }
			});
			process.stdout.write(JSON.stringify(answers));
			""";

	/** mrz's names of the fields whose check fails, as the parser names them. */
	private static final Map<String, String> FIELDS = Map.of("documentNumber", MrzResult.DOCUMENT_NUMBER,
			"documentNumberCheckDigit", MrzResult.DOCUMENT_NUMBER, "birthDate", MrzResult.BIRTH_DATE,
			"birthDateCheckDigit", MrzResult.BIRTH_DATE, "expirationDate", MrzResult.EXPIRY_DATE,
			"expirationDateCheckDigit", MrzResult.EXPIRY_DATE, "personalNumber", MrzResult.PERSONAL_NUMBER,
			"personalNumberCheckDigit", MrzResult.PERSONAL_NUMBER, "compositeCheckDigit", MrzResult.COMPOSITE);

	/** Why the oracle cannot run here, or {@code null} when it can. */
	private static String unavailable;

	@BeforeAll
	static void installTheOracle() throws Exception {
		if (run(Path.of("."), 10, "node", "--version") != 0) {
			unavailable = "Node is not on the PATH (apt-get install nodejs npm): MrzOracleTests skipped";
			return;
		}
		if (!Files.exists(ORACLE.resolve("node_modules/mrz/package.json"))) {
			Files.createDirectories(ORACLE);
			// give up soon where the registry cannot be reached, rather than after npm's minute of retries
			if (run(ORACLE, 60, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--fetch-retries=1",
					"--fetch-retry-mintimeout=1000", "--fetch-retry-maxtimeout=2000", "--fetch-timeout=20000",
					PACKAGE) != 0) {
				unavailable = "npm could not install " + PACKAGE + " (no registry?): MrzOracleTests skipped";
				return;
			}
		}
		Files.writeString(ORACLE.resolve("oracle.mjs"), SCRIPT);
	}

	@BeforeEach
	void skipWithoutTheOracle() {
		if (unavailable != null) {
			System.err.println(unavailable);
			Assumptions.abort(unavailable);
		}
	}

	@Test
	void agreesWithTheMrzPackageOnValidAndSpoiledZones() throws Exception {
		List<List<String>> zones = zones();
		JsonNode answers = ask(zones);
		assertThat(answers.size()).isEqualTo(zones.size());
		SoftAssertions softly = new SoftAssertions();
		int spoiled = 0;
		for (int i = 0; i < zones.size(); i++) {
			List<String> zone = zones.get(i);
			JsonNode answer = answers.get(i);
			softly.assertThat(text(answer, "error")).as("mrz refused %s", zone).isNull();
			if (text(answer, "error") != null) {
				continue;
			}
			MrzResult ours = MrzParser.parse(String.join("\n", zone), TODAY);
			JsonNode fields = answer.get("fields");
			String what = String.join(" / ", zone);
			softly.assertThat(ours.valid()).as("valid of %s", what).isEqualTo(answer.get("valid").asBoolean());
			softly.assertThat(ours.invalidFields()).as("invalid fields of %s", what)
					.containsExactlyInAnyOrderElementsOf(invalid(answer));
			softly.assertThat(ours.lastName()).as("last name of %s", what).isEqualTo(text(fields, "lastName"));
			softly.assertThat(ours.firstName()).as("first name of %s", what).isEqualTo(text(fields, "firstName"));
			softly.assertThat(ours.issuingState()).as("issuing state of %s", what)
					.isEqualTo(text(fields, "issuingState"));
			softly.assertThat(ours.nationality()).as("nationality of %s", what).isEqualTo(text(fields, "nationality"));
			if (!ours.invalidFields().contains(MrzResult.DOCUMENT_NUMBER)) {
				softly.assertThat(ours.documentNumber()).as("document number of %s", what)
						.isEqualTo(text(fields, "documentNumber"));
			}
			if (ours.birthDate() != null) {
				softly.assertThat(YYMMDD.format(ours.birthDate())).as("birth date of %s", what)
						.isEqualTo(text(fields, "birthDate"));
			}
			if (ours.expiryDate() != null) {
				softly.assertThat(YYMMDD.format(ours.expiryDate())).as("expiry date of %s", what)
						.isEqualTo(text(fields, "expirationDate"));
			}
			if (zone.get(0).length() == 44) {
				softly.assertThat(ours.personalNumber()).as("personal number of %s", what)
						.isEqualTo(text(fields, "personalNumber"));
			}
			spoiled += ours.valid() ? 0 : 1;
		}
		softly.assertAll();
		assertThat(spoiled).as("spoiled zones among %d", zones.size()).isBetween(8, zones.size() - 8);
	}

	/** ICAO's specimens with a state that mrz knows, and documents of each format, every other one spoiled. */
	private static List<List<String>> zones() {
		List<List<String>> zones = new ArrayList<>();
		zones.add(List.of(MrzParserTests.TD3.replace("UTO", "NLD").split("\n")));
		zones.add(List.of(MrzParserTests.TD2.replace("UTO", "NLD").split("\n")));
		zones.add(List.of(MrzParserTests.TD1.replace("UTO", "NLD").split("\n")));
		zones.add(List.of(MrzParserTests.TD1_LONG_NUMBER.replace("UTO", "NLD").split("\n")));
		Random random = new Random(9303);
		Format[] formats = Format.values();
		for (int i = 0; i < 24; i++) {
			List<String> lines = document(formats[i % formats.length], random).lines();
			zones.add(i % 2 == 0 ? lines : spoil(lines, random));
		}
		return zones;
	}

	private static Document document(Format format, Random random) {
		String[] states = { "IDN", "MMR", "PHL", "TLS", "AUS", "CHN", "PNG", "D", "GBD", "UNO", "XXA", "XXB", "NLD" };
		String code = format == Format.TD3 ? pick(random, "P", "PO")
				: pick(random, "I", "ID", "AC", "C");
		String lastName = word(random) + (random.nextBoolean() ? " " + word(random) : "");
		String firstName = random.nextInt(4) == 0 ? null : word(random);
		// a long document number (TD1, TD2) leaves less room for optional data
		String number = characters(random, 5 + random.nextInt(format == Format.TD3 ? 5 : 8));
		int room = format == Format.TD3 ? 14 : number.length() > 9 ? 2 : 7;
		String personal = random.nextBoolean() ? null : characters(random, 1 + random.nextInt(room));
		LocalDate birth = TODAY.minusDays(random.nextInt(30_000));
		LocalDate expiry = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(27_000));
		return new Document(format, code, pick(random, states), lastName, firstName, number, pick(random, states),
				birth, pick(random, "M", "F", "X"), expiry, personal, random.nextBoolean(), random.nextBoolean());
	}

	/** Changes one digit, anywhere. */
	private static List<String> spoil(List<String> lines, Random random) {
		List<String> spoiled = new ArrayList<>(lines);
		while (true) {
			int line = random.nextInt(2);
			int at = random.nextInt(lines.get(line).length());
			char c = lines.get(line).charAt(at);
			if (Character.isDigit(c)) {
				char other = (char) ('0' + (c - '0' + 1 + random.nextInt(9)) % 10);
				spoiled.set(line, lines.get(line).substring(0, at) + other + lines.get(line).substring(at + 1));
				return spoiled;
			}
		}
	}

	private static Set<String> invalid(JsonNode answer) {
		Set<String> invalid = new TreeSet<>();
		for (JsonNode field : answer.get("invalid")) {
			invalid.add(FIELDS.getOrDefault(field.asString(), "mrz: " + field.asString()));
		}
		return invalid;
	}

	/** A string field of mrz's answer; mrz gives {@code ""} where the parser gives {@code null}. */
	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull() || value.asString().isEmpty() ? null : value.asString();
	}

	private static JsonNode ask(List<List<String>> zones) throws Exception {
		Path input = ORACLE.resolve("input.json");
		Path output = ORACLE.resolve("output.json");
		Files.writeString(input, JsonMapper.shared().writeValueAsString(zones));
		Process node = new ProcessBuilder("node", "oracle.mjs").directory(ORACLE.toFile())
				.redirectInput(input.toFile())
				.redirectOutput(output.toFile())
				.redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node answered in time").isTrue();
		assertThat(node.exitValue()).as("node's exit status").isZero();
		return JsonMapper.shared().readTree(Files.readString(output, StandardCharsets.UTF_8));
	}

	private static int run(Path directory, int seconds, String... command) throws InterruptedException {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return -1;
			}
			return process.exitValue();
		}
		catch (IOException notThere) {
			return -1;
		}
	}

	private static String word(Random random) {
		StringBuilder word = new StringBuilder();
		for (int i = 2 + random.nextInt(7); i > 0; i--) {
			word.append((char) ('A' + random.nextInt(26)));
		}
		return word.toString();
	}

	private static String characters(Random random, int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... choices) {
		return choices[random.nextInt(choices.length)];
	}
}
