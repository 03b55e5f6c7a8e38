package id.pantau.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every action the code writes to the audit trail has a label in both languages, so the trail's page shows words. */
class AuditActionLabelsTests {

	/** An action in AuditEntry.of("X") (or a choice of two), saved(record, "X") or addReported(..., "X"). */
	private static final Pattern ACTION = Pattern.compile("AuditEntry\\.of\\((?:[\\w.()]+ \\? )?\"([A-Z_]+)\"(?: : \"([A-Z_]+)\")?"
			+ "|\\bsaved\\(\\w+, \"([A-Z_]+)\"|addReported\\([^\"]*\"([A-Z_]+)\"\\)");

	@Test
	void everyActionWrittenHasALabelInIndonesianAndEnglish() throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher action = ACTION.matcher(Files.readString(source));
				while (action.find()) {
					for (int group = 1; group <= action.groupCount(); group++) {
						if (action.group(group) != null) {
							actions.add(action.group(group));
						}
					}
				}
			}
		}
		assertThat(actions).as("actions found in the code").hasSizeGreaterThan(80).contains("PERSON_CREATED");
		for (String bundle : new String[] { "/messages.properties", "/messages_en.properties" }) {
			Properties messages = new Properties();
			try (InputStream in = getClass().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			assertThat(actions.stream().filter(action -> !messages.containsKey("audit.action." + action)).toList())
					.as("actions without audit.action.* in " + bundle).isEmpty();
		}
	}
}
