package id.pantau.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import id.pantau.exchange.domain.ChangesFeed;
import id.pantau.identity.PantauUser;
import id.pantau.platform.ChangePosition;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reports.ReportChanges;
import id.pantau.reports.domain.ReportForm;
import id.pantau.reports.domain.ValidationForm;
import id.pantau.reports.domain.VillageReport;
import id.pantau.reports.domain.VillageReporting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PantauIntegrationTest
class ChangesFeedIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PROVENANCE = "?legal_basis=" + URLEncoder.encode("Surat Kanim Tual W.27-900",
			StandardCharsets.UTF_8) + "&origin=SIMKIM";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	VillageReporting reporting;

	@Autowired
	ReportChanges reportChanges;

	@Autowired
	ChangesFeed feed;

	@Autowired
	UserDetailsService users;

	TokenClient immigration;
	TokenClient partner;

	@BeforeEach
	void clients() {
		WebSession admin = WebSession.loggedIn(port, "admin");
		immigration = new TokenClient(port, TokenClient.issue(admin, "simkim-" + unique(), "IMIGRASI_FEED", "IMIGRASI",
				"").token());
		partner = new TokenClient(port, TokenClient.issue(admin, "mitra-" + unique(), "PARTNER", "TIMPORA", "81.72")
				.token());
	}

	@Test
	void postedCrossingsAppearAfterTheCursorAndReadingFromNextGivesNothingNew() {
		String cursor = drain(partner, "0");
		String tag = unique();
		List<Long> posted = postCrossings(tag, 2);

		JsonNode changes = read(partner, cursor, 100);
		assertThat(ids(changes, "CROSSING")).containsExactlyElementsOf(posted);
		JsonNode payload = changes.get("changes").get(0).get("payload");
		assertThat(payload.get("documentNumber").asString()).isEqualTo("FA" + tag + "0");
		assertThat(payload.get("nationality").asString()).isEqualTo("MMR");
		assertThat(changes.get("hasMore").asBoolean()).isFalse();
		String next = changes.get("next").asString();
		assertThat(next).isNotEqualTo(cursor);

		JsonNode nothing = read(partner, next, 100);
		assertThat(nothing.get("changes")).isEmpty();
		assertThat(nothing.get("next").asString()).isEqualTo(next);
		assertThat(nothing.get("hasMore").asBoolean()).isFalse();

		JsonNode one = read(partner, cursor, 1);
		assertThat(ids(one, "CROSSING")).containsExactly(posted.get(0));
		assertThat(one.get("hasMore").asBoolean()).isTrue();
		assertThat(ids(read(partner, one.get("next").asString(), 1), "CROSSING")).containsExactly(posted.get(1));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'CHANGES_READ' and actor like 'api:mitra-%'")
				.query(Long.class).single()).isPositive();
	}

	@Test
	void aConcludedReportAppearsAfterTheCursorWithItsOutcomeAndOnlyWithinTheReadersScope() {
		String cursor = drain(partner, "0");
		PantauUser village = user("ohoi.fiditan");
		VillageReport report = reporting.draft(village, null, new ReportForm("Tin Maung " + unique(), "Myanmar", "M",
				"40", "", "RT 03", "nelayan", "", "2015", ""), UUID.randomUUID());
		report = reporting.submit(village, report.getId(), report.getVersion());
		report = reporting.forward(user("bpmpd"), report.getId(), report.getVersion());
		assertThat(ids(read(partner, cursor, 100), "VILLAGE_REPORT")).as("not yet concluded").isEmpty();

		report = reporting.validate(user("kesbangpol"), report.getId(), report.getVersion(),
				new ValidationForm("NOT_A_FOREIGNER", null, null, null, "WNI keturunan", Map.of()));
		JsonNode changes = read(partner, cursor, 100);
		assertThat(ids(changes, "VILLAGE_REPORT")).containsExactly(report.getId());
		JsonNode payload = changes.get("changes").get(0).get("payload");
		assertThat(payload.get("state").asString()).isEqualTo("REJECTED");
		assertThat(payload.get("outcome").asString()).isEqualTo("NOT_A_FOREIGNER");
		assertThat(payload.get("number").asString()).isEqualTo(report.getNumber());
		assertThat(payload.get("villageCode").asString()).isEqualTo("81.72.01.2001");

		long id = report.getId();
		long horizon = Long.MAX_VALUE;
		ChangePosition start = ChangePosition.START;
		assertThat(reportChanges.after(start, horizon, Scope.of("81.72.01"), 100_000))
				.anyMatch(c -> c.report().id() == id);
		assertThat(reportChanges.after(start, horizon, Scope.of("81.72.02"), 100_000))
				.as("another kecamatan's reader").noneMatch(c -> c.report().id() == id);
	}

	@Test
	void aChangeWhoseTransactionCommitsLateIsNotSkipped() throws Exception {
		String cursor = drain(partner, "0");
		String tag = unique();
		try (Connection late = dataSource.getConnection()) {
			late.setAutoCommit(false);
			long lateId;
			try (PreparedStatement insert = late.prepareStatement("""
					insert into crossing (direction, crossed_at, port_code, document_number, document_key, nationality,
					  full_name, name_key, created_at)
					values ('ENTRY', now(), 'TUAL-LAUT', ?, ?, 'MMR', 'LATE COMMIT', 'COMMIT LATE', now())
					returning id""")) {
				insert.setString(1, "LC" + tag);
				insert.setString(2, "LC" + tag);
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					lateId = rs.getLong(1);
				}
			}
			List<Long> committedMeanwhile = postCrossings(tag, 1);

			JsonNode meanwhile = read(partner, cursor, 100);
			assertThat(ids(meanwhile, "CROSSING")).as("held back until the older transaction ends").isEmpty();
			cursor = meanwhile.get("next").asString();

			late.commit();
			JsonNode after = read(partner, cursor, 100);
			assertThat(ids(after, "CROSSING")).containsExactly(lateId, committedMeanwhile.get(0));
		}
	}

	@Test
	void aRecordComesAgainAfterALaterChange() {
		String tag = unique();
		List<Long> posted = postCrossings(tag, 1);
		String cursor = drain(partner, "0");
		long person = jdbc.sql("select min(id) from person").query(Long.class).single();
		jdbc.sql("update crossing set person_id = :person where id = :id").param("person", person)
				.param("id", posted.get(0)).update();

		JsonNode changes = read(partner, cursor, 100);
		assertThat(ids(changes, "CROSSING")).containsExactly(posted.get(0));
		assertThat(changes.get("changes").get(0).get("payload").get("personId").asLong()).isEqualTo(person);
	}

	@Test
	void theFeedIsForTheCitysAgenciesWithAWholeRegencyInScope() {
		assertThat(immigration.get("/api/v1/changes").statusCode()).isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "kesbangpol").json("GET", "/api/v1/changes?limit=5", null).statusCode())
				.isEqualTo(200);
		assertThat(WebSession.loggedIn(port, "bpmpd").json("GET", "/api/v1/changes", null).statusCode())
				.isEqualTo(403);
		assertThat(WebSession.loggedIn(port, "ohoi.fiditan").json("GET", "/api/v1/changes", null).statusCode())
				.isEqualTo(403);
		ScopedPrincipal kecamatan = new ScopedPrincipal() {

			@Override
			public String getUsername() {
				return "kecamatan";
			}

			@Override
			public Scope scope() {
				return Scope.of("81.72.01");
			}
		};
		assertThatThrownBy(() -> feed.read(kecamatan, "0", 10)).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aMalformedCursorOrLimitIsABadRequest() {
		for (String query : List.of("since=bm90LWEtY3Vyc29y", "since=%25%25", "since=0&limit=0", "since=0&limit=1001",
				"since=LTEuLTE")) {
			HttpResponse<String> response = partner.get("/api/v1/changes?" + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.body()).as(query).contains("errors");
		}
	}

	/** Reads until nothing more is waiting; the cursor to start from to see only what comes next. */
	private static String drain(TokenClient client, String cursor) {
		JsonNode page;
		do {
			page = read(client, cursor, ChangesFeed.MAX_LIMIT);
			cursor = page.get("next").asString();
		}
		while (page.get("hasMore").asBoolean());
		return cursor;
	}

	private static JsonNode read(TokenClient client, String cursor, int limit) {
		HttpResponse<String> response = client.get("/api/v1/changes?since=" + cursor + "&limit=" + limit);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<Long> ids(JsonNode changes, String type) {
		List<Long> ids = new ArrayList<>();
		for (JsonNode change : changes.get("changes")) {
			if (change.get("type").asString().equals(type)) {
				ids.add(change.get("id").asLong());
			}
		}
		return ids;
	}

	/** Posts {@code count} entries of one document and returns the new crossings' ids in the order posted. */
	private List<Long> postCrossings(String tag, int count) {
		List<String> records = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			records.add("""
					{"direction": "ENTRY", "crossed_at": "2026-08-0%d 10:00", "port": "TUAL-LAUT",
					 "document_number": "FA%s%d", "nationality": "MMR", "full_name": "FEED TEST"}""".formatted(i + 1, tag, i));
		}
		HttpResponse<String> response = immigration.post("/api/v1/crossings" + PROVENANCE,
				"[" + String.join(",", records) + "]");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(jdbc.sql("select id from crossing where document_number = :doc").param("doc", "FA" + tag + i)
					.query(Long.class).single());
		}
		return ids;
	}

	private PantauUser user(String username) {
		return (PantauUser) users.loadUserByUsername(username);
	}

	private static String unique() {
		return Long.toString(System.nanoTime() % 1_000_000_000L);
	}
}
