package id.pantau.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.Scope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class SessionLifetimeFilterTests {

	private static final Duration IDLE = Duration.ofMinutes(30);
	private static final Duration ABSOLUTE = Duration.ofHours(12);

	private Instant now = Instant.parse("2026-03-02T00:00:00Z");
	private final MockHttpSession session = new MockHttpSession();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aSessionInUseLastsUntilItsAbsoluteTimeout() throws Exception {
		assertThat(request("/").getRedirectedUrl()).isNull();
		for (int i = 0; i < 47; i++) {
			now = now.plus(Duration.ofMinutes(15));
			assertThat(request("/laporan").getRedirectedUrl()).as("after %d minutes", (i + 1) * 15).isNull();
		}
		now = now.plus(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(request("/laporan").getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(session.isInvalid()).isTrue();
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void anIdleSessionEnds() throws Exception {
		request("/");
		now = now.plus(IDLE.minusSeconds(1));
		assertThat(request("/orang-asing").getRedirectedUrl()).isNull();
		now = now.plus(IDLE).plus(SessionLifetimeFilter.LAST_SEEN_STEP).plusSeconds(1);
		MockHttpServletResponse api = request("/api/v1/persons");
		assertThat(api.getStatus()).isEqualTo(401);
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void theLastRequestIsWrittenAtMostOnceAMinuteAndTheSessionNeverEndsEarlyForIt() throws Exception {
		request("/");
		Object firstSeen = session.getAttribute(SessionLifetimeFilter.LAST_SEEN);
		now = now.plusSeconds(50);
		request("/laporan");
		assertThat(session.getAttribute(SessionLifetimeFilter.LAST_SEEN)).as("not written again within the minute")
				.isEqualTo(firstSeen);
		// idle since the request 50 s after the one written down: not yet ended when the idle time has passed since
		// the written one only
		now = now.plus(IDLE).minusSeconds(1);
		assertThat(request("/orang-asing").getRedirectedUrl()).isNull();
		assertThat(session.getAttribute(SessionLifetimeFilter.LAST_SEEN)).isEqualTo(now);
	}

	@Test
	void htmxIsToldToGoToTheLoginPage() throws Exception {
		request("/");
		now = now.plus(Duration.ofHours(1));
		SecurityContextHolder.getContext().setAuthentication(signedIn());
		MockHttpServletRequest htmx = new MockHttpServletRequest("GET", "/orang-asing");
		htmx.setSession(session);
		htmx.addHeader("HX-Request", "true");
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter().doFilter(htmx, response, new MockFilterChain());
		assertThat(response.getHeader("HX-Redirect")).isEqualTo("/login?expired");
	}

	private MockHttpServletResponse request(String path) throws Exception {
		SecurityContextHolder.getContext().setAuthentication(signedIn());
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter().doFilter(request, response, new MockFilterChain());
		return response;
	}

	private SessionLifetimeFilter filter() {
		return new SessionLifetimeFilter(IDLE, ABSOLUTE, Clock.fixed(now, ZoneOffset.UTC));
	}

	private static UsernamePasswordAuthenticationToken signedIn() {
		PantauUser user = new PantauUser(1, "bpmpd", null, "BPMPD", Role.BPMPD, Agency.BPMPD, Scope.of("81.72"), true,
				false);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
	}
}
