package id.pantau.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import id.pantau.platform.StandaloneCommand;
import org.junit.jupiter.api.Test;

class MrzCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new MrzCommand().run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void printsThePassportSpecimenAsJson() {
		int status = run("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
		assertThat(status).isZero();
		assertThat(out()).isEqualTo("{\"documentCode\":\"P\",\"issuingState\":\"UTO\",\"lastName\":\"ERIKSSON\","
				+ "\"firstName\":\"ANNA MARIA\",\"documentNumber\":\"L898902C3\",\"nationality\":\"UTO\","
				+ "\"birthDate\":\"1974-08-12\",\"sex\":\"F\",\"expiryDate\":\"2012-04-15\","
				+ "\"personalNumber\":\"ZE184226B\",\"valid\":true,\"invalidFields\":[]}" + System.lineSeparator());
		assertThat(err()).isEmpty();
	}

	@Test
	void printsTheIdentityCardSpecimenWithNullsForWhatIsAbsent() {
		int status = run("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
				"ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
		assertThat(status).isZero();
		assertThat(out()).isEqualTo("{\"documentCode\":\"I\",\"issuingState\":\"UTO\",\"lastName\":\"ERIKSSON\","
				+ "\"firstName\":\"ANNA MARIA\",\"documentNumber\":\"D23145890\",\"nationality\":\"UTO\","
				+ "\"birthDate\":\"1974-08-12\",\"sex\":\"F\",\"expiryDate\":\"2012-04-15\","
				+ "\"personalNumber\":null,\"valid\":true,\"invalidFields\":[]}" + System.lineSeparator());
	}

	@Test
	void aFailingCheckDigitIsStillAnAnswer() {
		int status = run("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C35UTO7408122F1204159ZE184226B<<<<<10");
		assertThat(status).isZero();
		assertThat(out()).contains("\"valid\":false,\"invalidFields\":[\"documentNumber\",\"composite\"]}");
	}

	@Test
	void withoutLinesItExplainsTheUsageAndFails() {
		assertThat(run()).isEqualTo(2);
		assertThat(out()).isEmpty();
		assertThat(err()).contains("Pemakaian: java -jar pantau.jar mrz");
	}

	@Test
	void textThatIsNoZoneIsRefusedInIndonesian() {
		assertThat(run("halo", "dunia")).isEqualTo(2);
		assertThat(out()).isEmpty();
		assertThat(err()).startsWith("Bukan MRZ: diharapkan 2 baris 44 karakter (paspor)");
	}

	@Test
	void theJarFindsTheCommand() {
		assertThat(ServiceLoader.load(StandaloneCommand.class).stream().map(ServiceLoader.Provider::type))
				.contains(MrzCommand.class);
	}
}
