package id.pantau;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another system calling the API: plain HTTP with {@code Authorization: Bearer}, no cookie, no CSRF token. Clients are
 * issued the way an administrator does it, through the page, which shows the token once.
 */
public final class TokenClient {

	private static final Pattern TOKEN = Pattern.compile("id=\"api-token\">([A-Za-z0-9_-]+)<");
	private static final Pattern CLIENT_PATH = Pattern.compile("/admin/api/(\\d+)$");

	private final String base;
	private final String token;
	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public TokenClient(int port, String token) {
		this.base = "http://localhost:" + port;
		this.token = token;
	}

	/** A client just created, its id and its token as the page showed it. */
	public record Issued(long id, String token) {
	}

	/** Creates a client through the administrator's page and reads its token from the page, where it shows once. */
	public static Issued issue(WebSession admin, String name, String kind, String role, String scopeCode) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("kind", kind);
		form.put("role", role);
		form.put("scopeCode", scopeCode);
		HttpResponse<String> created = admin.post("/admin/api/baru", form);
		Matcher path = CLIENT_PATH.matcher(WebSession.location(created));
		if (created.statusCode() != 302 || !path.find()) {
			throw new IllegalStateException("client " + name + " not created: " + created.statusCode() + " "
					+ created.body());
		}
		return new Issued(Long.parseLong(path.group(1)), tokenOn(admin.get("/admin/api/" + path.group(1)).body()));
	}

	/** The token a page shows, or null when it shows none. */
	public static String tokenOn(String page) {
		Matcher token = TOKEN.matcher(page);
		return token.find() ? token.group(1) : null;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
				.header("Accept", "application/json, application/problem+json");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
