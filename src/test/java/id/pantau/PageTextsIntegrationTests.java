package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and fragment, as every demo role sees it, in Indonesian and in English, shows words: never a message key
 * Thymeleaf could not find ({@code ??key_id??}).
 */
@PantauIntegrationTest
class PageTextsIntegrationTests {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");
	private static final Pattern MISSING = Pattern.compile("\\?\\?[A-Za-z0-9_.\\-]+\\?\\?");
	private static final List<String> NOT_PAGES = List.of("/api/", "/v3/", "/swagger", "/actuator", "/webjars",
			"/logout", ".pdf", ".xlsx", ".csv", ".json", "/ekspor", "/unduh", "/foto", "/templat", "/manifest",
			"/sw.js", "/offline");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noPageShowsAMissingMessageKeyToAnyRoleInEitherLanguage() {
		Map<String, String> values = Map.of(
				"orang-asing", single("select id from person where region_code = '81.72.01.2001' order by id limit 1"),
				"laporan", single("select id from village_report where village_code = '81.72.01.2001' and state <> 'DRAFT'"
						+ " order by id limit 1"),
				"peringatan", single("select id from alert where region_code like '81.72.01.2001%' order by id limit 1"),
				"pencocokan", single("select id from match_case order by id limit 1"),
				"wilayah", "81.72.01.2001");
		List<String> paths = new ArrayList<>();
		for (String pattern : pages()) {
			concrete(pattern, values).ifPresent(paths::add);
		}
		assertThat(paths).as("pages found").hasSizeGreaterThan(20);
		List<String> missing = new ArrayList<>();
		for (String user : List.of("ohoi.fiditan", "bpmpd", "kesbangpol", "imigrasi", "timpora.polres", "admin")) {
			for (String language : List.of("id", "en")) {
				WebSession session = WebSession.loggedIn(port, user);
				session.get("/?lang=" + language);
				for (String path : paths) {
					for (boolean fragment : List.of(false, true)) {
						HttpResponse<String> response = fragment ? session.get(path, "HX-Request", "true")
								: session.get(path);
						Matcher found = MISSING.matcher(response.body());
						if (response.statusCode() == 200 && found.find()) {
							missing.add(user + " " + language + (fragment ? " (htmx) " : " ") + path + ": " + found.group());
						}
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private Set<String> pages() {
		Set<String> pages = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if (NOT_PAGES.stream().noneMatch(pattern::contains) && !pattern.startsWith("/error")) {
					pages.add(pattern);
				}
			}
		}
		return pages;
	}

	/** The pattern with its variables filled, or empty when a variable has no known value. */
	private static Optional<String> concrete(String pattern, Map<String, String> values) {
		Matcher variable = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		String section = pattern.split("/").length > 1 ? pattern.split("/")[1] : "";
		while (variable.find()) {
			String value = values.get(section);
			if (value == null || variable.group(2) != null) {
				return Optional.empty();
			}
			variable.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		variable.appendTail(path);
		return Optional.of(path.toString());
	}

	private String single(String sql) {
		return jdbc.sql(sql).query(Long.class).optional().map(String::valueOf).orElse("0");
	}
}
