package id.pantau.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Well-typed extreme values (the largest int and long, numbers beyond them, years far outside any calendar a person
 * lives in) sent to every parameter of every route that Spring knows, one parameter at a time: pages, fragments,
 * exports and the API answer a clear 4xx or the page with the problem shown, never a 5xx or a broken stream.
 */
@PantauIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtremeValuesIntegrationTests {

	static final List<String> EXTREMES = List.of("2147483647", "-2147483648", "9223372036854775807",
			"99999999999999999999", "+999999999-12", "+1000000-01-01", "-999999999-01-01");

	/**
	 * Routes not swept: the login forms and the password change, whose wrong values count against the throttle of
	 * the accounts every other test signs in with; logout.
	 */
	private static final Set<String> NOT_SWEPT = Set.of("POST /login/kode", "POST /akun/sandi", "ANY /error");

	/** Roles tried in turn until one may use the route. */
	private static final List<String> USERS = List.of("imigrasi", "kesbangpol", "bpmpd", "ohoi.fiditan", "admin");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final Map<String, WebSession> sessions = new LinkedHashMap<>();
	private final Map<String, String> tokens = new LinkedHashMap<>();

	@BeforeAll
	void signIn() {
		for (String user : USERS) {
			WebSession session = WebSession.loggedIn(port, user);
			sessions.put(user, session);
			tokens.put(user, session.csrfToken());
		}
	}

	@Test
	void noRouteAnswersAnExtremeValueWithAServerError() {
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
			for (String pattern : mapping.getKey().getPatternValues()) {
				String route = (methods.isEmpty() ? "ANY" : method) + " " + pattern;
				if (NOT_SWEPT.contains(route) || pattern.startsWith("/login") || pattern.equals("/logout")) {
					continue;
				}
				Parameters parameters = parameters(mapping.getValue());
				List<String> variables = variables(pattern);
				String user = null;
				// each parameter alone, with the path's variables at harmless values
				for (String name : parameters.query()) {
					for (String value : EXTREMES) {
						String path = fill(pattern, method, null, null) + (method.equals("GET") || pattern.startsWith(
								"/api/") ? "?" + name + "=" + encode(value) : "");
						Map<String, String> form = method.equals("GET") || pattern.startsWith("/api/") ? Map.of()
								: Map.of(name, value);
						user = user != null ? user : firstAllowed(method, path, form, null);
						requests++;
						check(failures, route + " " + name + "=" + value, user, method, path, form, null);
					}
				}
				for (String name : parameters.body()) {
					for (String value : EXTREMES) {
						String body = "{\"" + name + "\": \"" + value + "\"}";
						String path = fill(pattern, method, null, null);
						user = user != null ? user : firstAllowed(method, path, Map.of(), body);
						requests++;
						check(failures, route + " body." + name + "=" + value, user, method, path, Map.of(), body);
						String number = "{\"" + name + "\": " + (value.matches("-?\\d+") ? value : "1e400") + "}";
						check(failures, route + " body." + name + "=" + number, user, method, path, Map.of(), number);
					}
				}
				// each path variable alone
				for (String variable : variables) {
					for (String value : EXTREMES) {
						String path = fill(pattern, method, variable, value);
						user = user != null ? user : firstAllowed(method, path, Map.of(), bodyFor(parameters));
						requests++;
						check(failures, route + " {" + variable + "}=" + value, user, method, path, Map.of(),
								bodyFor(parameters));
					}
				}
			}
		}
		assertThat(requests).as("the sweep reached the routes").isGreaterThan(500);
		assertThat(failures).as("server errors for extreme values").isEmpty();
	}

	@Test
	void anOutOfRangeDateIsAClear400InIndonesianOnThePageAndInTheApi() {
		WebSession officer = sessions.get("imigrasi");
		HttpResponse<String> page = officer.get("/perlintasan?from=%2B1000000-01-01");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"invalid-parameter\"").contains("from").contains("di luar tahun 1900");

		HttpResponse<String> api = officer.json("GET", "/api/v1/crossings?from=%2B1000000-01-01", null);
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(api.body()).contains("\"field\":\"from\"").contains("di luar tahun 1900");

		assertThat(officer.get("/perlintasan?from=2026-01-01").statusCode()).as("a sane date still works")
				.isEqualTo(200);
		assertThat(officer.json("GET", "/api/v1/reports?page=2147483647", null).statusCode())
				.as("a page beyond the last is empty").isEqualTo(200);
	}

	private void check(List<String> failures, String what, String user, String method, String path,
			Map<String, String> form, String body) {
		try {
			HttpResponse<String> answer = send(user, method, path, form, body);
			if (answer.statusCode() >= 500) {
				failures.add(what + " (as " + user + ") answered " + answer.statusCode());
			}
		}
		catch (RuntimeException e) {
			failures.add(what + " (as " + user + ") broke off: " + e.getMessage());
		}
	}

	/** The first user the route does not refuse outright; the last one tried when all are refused. */
	private String firstAllowed(String method, String path, Map<String, String> form, String body) {
		String last = USERS.get(0);
		for (String user : USERS) {
			last = user;
			try {
				if (send(user, method, path, form, body).statusCode() != 403) {
					return user;
				}
			}
			catch (RuntimeException e) {
				return user;
			}
		}
		return last;
	}

	private HttpResponse<String> send(String user, String method, String path, Map<String, String> form,
			String body) {
		WebSession session = sessions.get(user);
		if (path.startsWith("/api/")) {
			return session.json(method, path, method.equals("GET") ? null : body == null ? "{}" : body,
					"If-Match", "\"0\"");
		}
		if (method.equals("GET")) {
			return session.get(path);
		}
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", tokens.get(user));
		return session.postRaw(path, fields);
	}

	/**
	 * The path with its variables filled: the one named with the value, the others with an id that exists for reads
	 * and with one that does not for changes (a sweep must not change real records), alternatives by their first.
	 */
	private static String fill(String pattern, String method, String variable, String value) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String filled;
			if (matcher.group(1).equals(variable)) {
				filled = value;
			}
			else if (matcher.group(2) != null) {
				filled = matcher.group(2).split("\\|")[0];
			}
			else {
				filled = method.equals("GET") ? "1" : "2147483646";
			}
			matcher.appendReplacement(path, Matcher.quoteReplacement(encode(filled)));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private static List<String> variables(String pattern) {
		List<String> names = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			if (matcher.group(2) == null) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	private static String bodyFor(Parameters parameters) {
		return parameters.body().isEmpty() ? null : "{}";
	}

	record Parameters(Set<String> query, Set<String> body) {
	}

	/** The names a handler reads from the query or form (also a form record's components) and from a JSON body. */
	private static Parameters parameters(HandlerMethod handler) {
		Set<String> query = new LinkedHashSet<>();
		Set<String> body = new TreeSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			if (parameter.hasParameterAnnotation(PathVariable.class)
					|| parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
					|| parameter.hasParameterAnnotation(RequestHeader.class) || MultipartFile.class.isAssignableFrom(type)
					|| Map.class.isAssignableFrom(type)) {
				continue;
			}
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null) {
				String name = !param.name().isEmpty() ? param.name() : param.value();
				query.add(name.isEmpty() ? parameter.getParameterName() : name);
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				if (type.isRecord()) {
					for (RecordComponent component : type.getRecordComponents()) {
						body.add(component.getName());
					}
				}
			}
			else if (BeanUtils.isSimpleProperty(type)) {
				query.add(parameter.getParameterName());
			}
			else if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					if (BeanUtils.isSimpleProperty(component.getType())) {
						query.add(component.getName());
					}
				}
			}
		}
		return new Parameters(query, body);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	static String describe(Map<String, String> form) {
		return form.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
	}
}
