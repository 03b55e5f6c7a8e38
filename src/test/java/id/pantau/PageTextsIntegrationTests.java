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

import org.assertj.core.api.SoftAssertions;
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
 * Thymeleaf could not find ({@code ??key_id??}), never a code where a label exists (BEBAS_VISA, XXA, FIELD_CHECK), and
 * never a day written the machine's way (2023-12-05) instead of dd-mm-yyyy.
 */
@PantauIntegrationTest
class PageTextsIntegrationTests {

	/**
	 * A day (or a month) as ISO writes it; the guards keep report numbers (LAP-8172012001-2026-0008) and region codes
	 * (81.72.01.2001) out.
	 */
	private static final Pattern ISO_DAY = Pattern.compile("(?<![\\w-]|\\d\\.)\\d{4}-\\d{2}(?:-\\d{2})?(?![\\w-]|\\.\\d)");
	/** A code in capitals with an underscore (AWAK_ALAT_ANGKUT, EX_CREW_ASHORE, RESOLVED_BY_FACTS): never a word. */
	private static final Pattern UNDERSCORED_CODE = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![\\w-])");
	/** Codes that are single words and have a label; country codes are added from the reference data. */
	private static final Set<String> CODE_WORDS = Set.of("OTHER", "XXA", "XXB", "XXC", "XXX", "LOW", "MEDIUM", "HIGH",
			"CRITICAL", "OPEN", "ACKNOWLEDGED", "CLOSED", "DISMISSED", "PRESENT", "DEPARTED", "DEPORTED", "DECEASED",
			"MERGED", "PASSPORT", "TOURIST", "WORKER", "CREW", "STUDENT", "RESEARCHER", "ENTRY", "EXIT", "ARRIVAL",
			"DEPARTURE", "ACTIVE", "SEIZED", "SUNK", "SCRAPPED", "SUMMONS", "DEPORTATION", "DETENTION", "REFERRED",
			"REGULARISED", "STATELESS", "MEDICAL", "LINKED", "PENDING", "CONFIRMED", "REJECTED", "DRAFT", "SUBMITTED",
			"FORWARDED", "VALIDATED", "RETURNED", "LAINNYA", "DINAS", "DIPLOMATIK", "VILLAGE", "DISTRICT", "REGENCY",
			"PROVINCE");
	/** Other tests' made-up rules (FollowUpData) and names, which have no label by design. */
	private static final String FIXTURE = "TEST_";
	private static final Pattern CAPITAL_WORD = Pattern.compile("(?<![\\w-])[A-Z]{3,}(?![\\w-])");
	private static final Pattern INVISIBLE = Pattern.compile(
			"(?is)<!--.*?-->|<(script|style|textarea|template|code|datalist)\\b[^>]*>.*?</\\1\\s*>|<[^>]*>");

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

	/** What the crawl found, kept for the class: every page rendered 24 times takes a while. */
	private static Crawl crawl;

	@Test
	void noPageShowsAMissingMessageKeyToAnyRoleInEitherLanguage() {
		assertThat(crawl().missingKeys).isEmpty();
	}

	@Test
	void noPageShowsACodeOrAnIsoDayToAnyRoleInEitherLanguage() {
		SoftAssertions.assertSoftly(soft -> {
			soft.assertThat(crawl().codes).as("codes shown where a label exists").isEmpty();
			soft.assertThat(crawl().isoDays).as("days not written dd-mm-yyyy").isEmpty();
		});
	}

	/** The findings of one walk over every page, as "user language path: what". */
	private record Crawl(Set<String> missingKeys, Set<String> codes, Set<String> isoDays) {
	}

	private Crawl crawl() {
		if (crawl != null) {
			return crawl;
		}
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
		Set<String> nameWords = nameWords();
		Set<String> codeWords = new TreeSet<>(CODE_WORDS);
		codeWords.addAll(jdbc.sql("select alpha3 from country").query(String.class).list());
		codeWords.removeAll(nameWords);
		Crawl found = new Crawl(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
		for (String user : List.of("ohoi.fiditan", "bpmpd", "kesbangpol", "imigrasi", "timpora.polres", "admin")) {
			for (String language : List.of("id", "en")) {
				WebSession session = WebSession.loggedIn(port, user);
				session.get("/?lang=" + language);
				for (String path : paths) {
					for (boolean fragment : List.of(false, true)) {
						HttpResponse<String> response = fragment ? session.get(path, "HX-Request", "true")
								: session.get(path);
						if (response.statusCode() != 200) {
							continue;
						}
						String where = user + " " + language + (fragment ? " (htmx) " : " ") + path + ": ";
						Matcher missing = MISSING.matcher(response.body());
						if (missing.find()) {
							found.missingKeys.add(where + missing.group());
						}
						String text = visibleText(response.body());
						collect(UNDERSCORED_CODE.matcher(text), text, where, found.codes,
								word -> !nameWords.contains(word) && !word.startsWith(FIXTURE));
						collect(CAPITAL_WORD.matcher(text), text, where, found.codes, codeWords::contains);
						collect(ISO_DAY.matcher(text), text, where, found.isoDays, day -> true);
					}
				}
			}
		}
		crawl = found;
		return found;
	}

	/**
	 * The text a person reads: without tags and their attributes, comments, scripts, styles and the values of text
	 * areas (what was typed into a form is not the page's wording). Two exceptions are deliberate: a {@code <code>}
	 * element shows a code on purpose (the reference tables, a rule's code beside its name), and a {@code <datalist>}
	 * offers country codes as a typing aid beside the names.
	 */
	static String visibleText(String html) {
		return INVISIBLE.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&#39;", "'")
				.replaceAll("\\s+", " ");
	}

	private static void collect(Matcher matcher, String text, String where, Set<String> into,
			java.util.function.Predicate<String> counts) {
		while (matcher.find()) {
			if (counts.test(matcher.group())) {
				int from = Math.max(0, matcher.start() - 40);
				int to = Math.min(text.length(), matcher.end() + 20);
				into.add(where + matcher.group() + " in \"" + text.substring(from, to).strip() + "\"");
			}
		}
	}

	/**
	 * The words of persons' and vessels' names: a seafarer may well be called TUN or LAO, and a test may name its
	 * person TEST_X; those are names, not codes.
	 */
	private Set<String> nameWords() {
		Set<String> words = new TreeSet<>();
		for (String names : List.of("select full_name from person_name", "select primary_name from person",
				"select full_name from crossing", "select name from vessel")) {
			for (String name : jdbc.sql(names).query(String.class).list()) {
				if (name != null) {
					words.addAll(List.of(name.toUpperCase(java.util.Locale.ROOT).split("[^A-Z0-9_]+")));
				}
			}
		}
		return words;
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
