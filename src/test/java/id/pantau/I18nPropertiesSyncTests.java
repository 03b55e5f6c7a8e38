package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The Indonesian and English bundles carry the same keys, and every key a template names exists. */
class I18nPropertiesSyncTests {

	@Test
	void indonesianAndEnglishBundlesHaveTheSameKeys() throws IOException {
		Set<String> indonesian = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(english).as("keys missing in English").containsAll(indonesian);
		assertThat(indonesian).as("keys missing in Indonesian").containsAll(english);
	}

	@Test
	void everyLiteralMessageKeyInTemplatesExists() throws IOException {
		Set<String> keys = keys("messages.properties");
		Pattern literal = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher m = literal.matcher(Files.readString(template));
				while (m.find()) {
					if (!keys.contains(m.group(1))) {
						missing.add(template.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> keys(String bundle) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(new ClassPathResource(bundle).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}
}
