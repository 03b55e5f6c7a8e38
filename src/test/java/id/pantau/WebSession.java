package id.pantau;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person's browser without the browser: real HTTP with cookies, no redirect followed, CSRF tokens read from pages. */
public final class WebSession {

	public static final String DEMO_PASSWORD = "tual-demo-2026";

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");
	private static final Pattern TOTP_SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private final String base;
	private final CookieManager cookies;
	private final HttpClient client;

	public WebSession(int port) {
		this(port, new CookieManager());
	}

	private WebSession(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The same browser, with the same cookies, answered by another instance of Pantau (as behind a load balancer). */
	public WebSession at(int otherPort) {
		return new WebSession(otherPort, cookies);
	}

	public static WebSession loggedIn(int port, String username) {
		WebSession session = new WebSession(port);
		HttpResponse<String> response = session.login(username, DEMO_PASSWORD);
		boolean enrolled = response.statusCode() == 200 && response.body().contains("id=\"recovery-codes\"");
		if (!enrolled && (response.statusCode() != 302 || location(response).contains("error")
				|| location(response).endsWith("/login/kode"))) {
			throw new IllegalStateException("login of " + username + " failed: " + response.headers().map());
		}
		return session;
	}

	/**
	 * Logs in as a person does: the password, then, where the role needs it, the code from the authenticator app
	 * ({@link SecondFactorCodes}); an account that has not enrolled yet enrols with the secret the page shows (the
	 * answer is then the page of recovery codes).
	 */
	public HttpResponse<String> login(String username, String password) {
		HttpResponse<String> response = passwordStep(username, password);
		if (response.statusCode() != 302 || !location(response).endsWith("/login/kode")) {
			return response;
		}
		Matcher secret = TOTP_SECRET.matcher(get("/login/kode").body());
		if (secret.find()) {
			SecondFactorCodes.remember(username, secret.group(1));
		}
		String code = SecondFactorCodes.nextCode(username);
		return code == null ? response : post("/login/kode", Map.of("code", code));
	}

	/** Only the password form: a role that needs a second factor is then asked for its code. */
	public HttpResponse<String> passwordStep(String username, String password) {
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	/** A download: the body as bytes (an XLSX, a PDF). */
	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT).GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public HttpResponse<String> get(String path, String headerName, String headerValue) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header(headerName, headerValue).GET().build());
	}

	/** Posts a form with the CSRF token of a freshly rendered page, as a browser would. */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		fields.put("_csrf", csrfToken());
		return postRaw(path, fields);
	}

	/** Posts exactly these fields: no CSRF token unless given. */
	public HttpResponse<String> postRaw(String path, Map<String, String> form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
	}

	public HttpResponse<String> postWithHeader(String path, Map<String, String> form, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded").header(header, value)
				.POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
	}

	/** A JSON request as an API client in the browser session sends it: with the CSRF header. */
	public HttpResponse<String> json(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "application/json, application/problem+json")
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (!method.equals("GET")) {
			request.header("X-CSRF-TOKEN", csrfToken());
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
	}

	/** A POST of a raw body (a multipart form, say) with the CSRF header. */
	public HttpResponse<String> postBody(String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.header("X-CSRF-TOKEN", csrfToken()).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	/** A JSON request as a page's script would send it if it forgot the CSRF header. */
	public HttpResponse<String> jsonWithoutCsrf(String method, String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Accept", "application/json, application/problem+json").header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body)).build());
	}

	public String csrfToken() {
		String page = get("/login").body();
		if (!CSRF.matcher(page).find()) {
			page = get("/akun/sandi").body();
		}
		Matcher m = CSRF.matcher(page);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	public String sessionId() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("PANTAU_SESSION"))
				.map(HttpCookie::getValue).findFirst().orElse(null);
	}

	private HttpResponse<String> send(HttpRequest request) {
		HttpRequest asBrowser = request.headers().firstValue("Accept").isPresent() ? request
				: HttpRequest.newBuilder(request, (name, value) -> true).header("Accept", BROWSER_ACCEPT).build();
		try {
			return client.send(asBrowser, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}
}
