package id.pantau;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DevTools protocol of the whole browser, for what ChromeDriver's {@code executeCdpCommand} cannot reach: it talks
 * to the page only, so a service worker's own fetches stay online when the page is taken offline. Through this
 * connection a service worker is taken offline too, as DevTools' "Offline" box does, or only some of its requests
 * fail. What is set lasts while the connection is open.
 * <p>
 * Found by trying (Chromium 156): taking a service worker offline also turns {@code navigator.onLine} false in the
 * pages it controls (they share a renderer process), so a network that fails while the page believes it is online is
 * made by failing requests ({@code Fetch.failRequest}) instead.
 */
public final class DevToolsTargets implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final WebSocket socket;
	private final AtomicInteger ids = new AtomicInteger();
	private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
	private final Map<String, String> sessions = new ConcurrentHashMap<>();
	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	private DevToolsTargets(WebSocket.Builder builder, URI endpoint) {
		this.socket = builder.buildAsync(endpoint, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
	}

	/** Connects to the browser ChromeDriver started, at the debugger address it reports. */
	public static DevToolsTargets of(ChromeDriver driver) {
		Object options = driver.getCapabilities().getCapability("goog:chromeOptions");
		String address = (String) ((Map<?, ?>) options).get("debuggerAddress");
		HttpClient http = HttpClient.newHttpClient();
		try {
			String version = http.send(HttpRequest.newBuilder(URI.create("http://" + address + "/json/version"))
					.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
			return new DevToolsTargets(http.newWebSocketBuilder(),
					URI.create(JSON.readTree(version).get("webSocketDebuggerUrl").asString()));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The ids of the browser's targets of a type: {@code page}, {@code service_worker}... */
	public List<String> targets(String type) {
		JsonNode infos = send(null, "Target.getTargets", Map.of()).get("targetInfos");
		return infos.valueStream().filter(info -> info.get("type").asString().equals(type))
				.map(info -> info.get("targetId").asString()).toList();
	}

	/** Takes every target of the type offline or back online; answers how many there were. */
	public int offline(String type, boolean offline) {
		List<String> targets = targets(type);
		for (String target : targets) {
			String session = session(target);
			send(session, "Network.enable", Map.of());
			send(session, "Network.emulateNetworkConditions",
					Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		}
		return targets.size();
	}

	/**
	 * Makes every request to a matching URL from the targets of the type fail as a lost connection would, while
	 * {@code navigator.onLine} stays true: the network failing on the way. Answers how many targets there were.
	 *
	 * @param resourceType only requests of this DevTools resource type ({@code Fetch} for a script's fetch, not the
	 *        page's own navigations), or {@code null} for all
	 */
	public int failRequests(String type, String urlPattern, String resourceType) {
		Map<String, Object> pattern = new LinkedHashMap<>();
		pattern.put("urlPattern", urlPattern);
		if (resourceType != null) {
			pattern.put("resourceType", resourceType);
		}
		List<String> targets = targets(type);
		for (String target : targets) {
			String session = session(target);
			failing.add(session);
			send(session, "Fetch.enable", Map.of("patterns", List.of(pattern)));
		}
		return targets.size();
	}

	/** Lets the requests failed by {@link #failRequests} through again. */
	public void stopFailingRequests() {
		for (String session : failing) {
			try {
				send(session, "Fetch.disable", Map.of());
			}
			catch (RuntimeException targetGone) {
				// nothing left to stop
			}
		}
		failing.clear();
	}

	private String session(String target) {
		return sessions.computeIfAbsent(target, id -> send(null, "Target.attachToTarget",
				Map.of("targetId", id, "flatten", true)).get("sessionId").asString());
	}

	private JsonNode send(String session, String method, Map<String, Object> params) {
		int id = ids.incrementAndGet();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", id);
		message.put("method", method);
		message.put("params", params);
		if (session != null) {
			message.put("sessionId", session);
		}
		CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		answers.put(id, answer);
		synchronized (socket) {
			socket.sendText(JSON.writeValueAsString(message), true).join();
		}
		JsonNode result = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
		if (result.has("error")) {
			throw new IllegalStateException(method + ": " + result.get("error"));
		}
		return result.get("result");
	}

	/** Answers a paused request from the listener's thread, which must not wait for the answer it would read. */
	private void fail(String session, String requestId) {
		Map<String, Object> message = Map.of("id", ids.incrementAndGet(), "sessionId", session, "method",
				"Fetch.failRequest", "params", Map.of("requestId", requestId, "errorReason", "InternetDisconnected"));
		CompletableFuture.runAsync(() -> {
			synchronized (socket) {
				socket.sendText(JSON.writeValueAsString(message), true).join();
			}
		});
	}

	/** Puts every target back online and leaves it, so that nothing set here outlives the connection. */
	@Override
	public void close() {
		stopFailingRequests();
		for (String session : sessions.values()) {
			try {
				send(session, "Network.emulateNetworkConditions",
						Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
				send(session, "Network.disable", Map.of());
				send(null, "Target.detachFromTarget", Map.of("sessionId", session));
			}
			catch (RuntimeException targetGone) {
				// a service worker the browser stopped meanwhile has nothing left to reset
			}
		}
		sessions.clear();
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			text.append(data);
			if (last) {
				JsonNode message = JSON.readTree(text.toString());
				text.setLength(0);
				if (message.has("id")) {
					CompletableFuture<JsonNode> answer = answers.remove(message.get("id").asInt());
					if (answer != null) {
						answer.complete(message);
					}
				}
				else if ("Fetch.requestPaused".equals(message.path("method").asString(""))) {
					fail(message.get("sessionId").asString(), message.get("params").get("requestId").asString());
				}
			}
			webSocket.request(1);
			return null;
		}
	}
}
