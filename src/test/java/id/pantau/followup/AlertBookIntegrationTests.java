package id.pantau.followup;

import static id.pantau.followup.FollowUpData.FIDITAN;
import static id.pantau.followup.FollowUpData.TAAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alerts as the detection engine and retention change them through {@link AlertBook}: every change of status
 * meets the alert's one guard, so what a person concluded stays concluded whatever the facts or a link do.
 */
@PantauIntegrationTest
class AlertBookIntegrationTests {

	private static final String EXIT_RECORDED = "alert.resolution.exitRecorded";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertBook alerts;

	FollowUpData data;

	@BeforeEach
	void data() {
		data = new FollowUpData(jdbc);
	}

	@Test
	void closingByFactsLeavesAnAlertAPersonDismissedOrClosedAsThePersonLeftIt() {
		long dismissed = data.alert(FollowUpData.rule(), "HIGH", TAAR, null, 4, "HTET AUNG");
		long closed = data.alert(FollowUpData.rule(), "HIGH", TAAR, null, 4, "MYO TUN");
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + dismissed + "/dismissal",
				"{\"reason\":\"Salah orang, WNI asli Taar\"}", "If-Match", etag(dismissed)).statusCode())
				.isEqualTo(200);
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + closed + "/closure",
				"{\"outcome\":\"DEPARTED\",\"note\":\"Sudah pulang lewat Tual\"}", "If-Match", etag(closed))
				.statusCode()).isEqualTo(200);
		String dismissedBefore = row(dismissed);
		String closedBefore = row(closed);

		assertThat(alerts.closeByFacts(dismissed, EXIT_RECORDED, List.of("2026-01-20"), null, TestClock.now()))
				.isFalse();
		assertThat(alerts.closeByFacts(closed, EXIT_RECORDED, List.of("2026-01-20"), 7_000_001L, TestClock.now()))
				.isFalse();

		assertThat(row(dismissed)).isEqualTo(dismissedBefore).startsWith("DISMISSED|null|kesbangpol|Salah orang");
		assertThat(row(closed)).isEqualTo(closedBefore).startsWith("CLOSED|DEPARTED|kesbangpol|Sudah pulang");
	}

	@Test
	void undoingALinkReopensTheAlertsItsFactsClosedAndNoClosureAPersonMade() {
		long link = ThreadLocalRandom.current().nextLong(8_000_000_000L, 9_000_000_000L);
		long person = data.person("KO LINN " + link, TAAR);
		long byFacts = data.alert(FollowUpData.rule(), "HIGH", TAAR, person, 6, "KO LINN");
		long byPerson = data.alert(FollowUpData.rule(), "HIGH", TAAR, person, 6, "KO LINN");
		Instant at = TestClock.now();
		assertThat(alerts.closeByFacts(byFacts, EXIT_RECORDED, List.of("2026-01-21"), link, at)).isTrue();
		assertThat(row(byFacts)).startsWith("CLOSED|RESOLVED_BY_FACTS|system|null|" + link + "|" + EXIT_RECORDED);
		// a person's closure that names the link (it cannot be made through the workflow): the guard still keeps it
		jdbc.sql("""
				update alert set status = 'CLOSED', outcome = 'DEPARTED', closed_by = 'imigrasi', closed_at = now(),
				  closed_by_link = :link where id = :id""").param("link", link).param("id", byPerson).update();
		int versionClosedByPerson = data.version(byPerson);

		assertThat(alerts.reopenClosedBy(link, at)).containsExactly(person);

		assertThat(row(byFacts)).startsWith("OPEN|null|null|null|null|alert.resolution.linkUndone|[\"" + link + "\"]");
		assertThat(row(byPerson)).startsWith("CLOSED|DEPARTED|imigrasi|null|" + link);
		assertThat(data.version(byPerson)).isEqualTo(versionClosedByPerson);
		assertThat(alerts.reopenClosedBy(link, at)).as("undone once").isEmpty();
	}

	@Test
	void aPersonCannotTakeUpOrCloseAgainAnAlertTheFactsClosed() {
		long id = data.alert(FollowUpData.rule(), "MEDIUM", FIDITAN, null, 2, "SAN SAN");
		alerts.closeByFacts(id, EXIT_RECORDED, List.of("2026-01-22"), null, TestClock.now());
		WebSession kesbangpol = WebSession.loggedIn(port, "kesbangpol");
		String before = row(id);

		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/acknowledgement", null, "If-Match", etag(id))
				.statusCode()).isEqualTo(409);
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/closure", "{\"outcome\":\"DEPARTED\"}",
				"If-Match", etag(id)).statusCode()).isEqualTo(409);
		assertThat(kesbangpol.json("POST", "/api/v1/alerts/" + id + "/dismissal", "{\"reason\":\"Salah\"}",
				"If-Match", etag(id)).statusCode()).isEqualTo(409);

		assertThat(row(id)).isEqualTo(before).startsWith("CLOSED|RESOLVED_BY_FACTS|system");
	}

	@Test
	void raisingOpensNewFactsOnceRefreshesActiveAlertsAndNeverTouchesADismissedOne() {
		String rule = FollowUpData.rule();
		long dismissed = data.alert(rule, "LOW", TAAR, null, 9, "THEIN");
		long active = data.alert(rule, "LOW", TAAR, null, 9, "MAUNG");
		assertThat(WebSession.loggedIn(port, "kesbangpol").json("POST", "/api/v1/alerts/" + dismissed + "/dismissal",
				"{\"reason\":\"Sudah diperiksa\"}", "If-Match", etag(dismissed)).statusCode()).isEqualTo(200);
		String dismissedBefore = row(dismissed) + seen(dismissed);
		Instant at = TestClock.now();
		AlertBook.Raising again = raising(dismissed, "CRITICAL");
		AlertBook.Raising fresh = new AlertBook.Raising("VILLAGE", TAAR + "-" + rule, null, TAAR, "new-" + rule,
				Severity.MEDIUM, List.of("Taar"), List.of(Evidence.of("VILLAGE", TAAR, "Ohoi Taar", null)), null);

		AlertBook.Raised first = alerts.raise(rule, "KESBANGPOL", List.of(again, fresh), null, at);
		AlertBook.Raised second = alerts.raise(rule, "KESBANGPOL", List.of(again, fresh, raising(active, "HIGH")),
				null, at.plusSeconds(60));

		assertThat(first.opened()).isEqualTo(1);
		assertThat(first.gone()).extracting(AlertBook.FactsGone::alertId).containsExactly(active);
		assertThat(second.opened()).isZero();
		assertThat(second.gone()).isEmpty();
		assertThat(row(dismissed) + seen(dismissed)).isEqualTo(dismissedBefore);
		assertThat(jdbc.sql("select severity from alert where id = :id").param("id", active).query(String.class)
				.single()).isEqualTo("HIGH");
		long opened = alerts.find(rule, "new-" + rule).orElseThrow();
		assertThat(jdbc.sql("select status || '|' || assigned_agency || '|' || evidence from alert where id = :id")
				.param("id", opened).query(String.class).single())
				.isEqualTo("OPEN|KESBANGPOL|[{\"type\":\"VILLAGE\",\"id\":\"" + TAAR + "\",\"label\":\"Ohoi Taar\"}]");
	}

	@Test
	void anonymisingErasesOnlyTheConcludedAlertsAboutThePerson() {
		long person = data.person("NAING OO " + FollowUpData.rule(), FIDITAN);
		long concluded = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, person, 30, "NAING OO");
		long active = data.alert(FollowUpData.rule(), "HIGH", FIDITAN, person, 30, "NAING OO");
		assertThat(WebSession.loggedIn(port, "kesbangpol").json("POST", "/api/v1/alerts/" + concluded + "/dismissal",
				"{\"reason\":\"Naing Oo sudah WNI\"}", "If-Match", etag(concluded)).statusCode()).isEqualTo(200);
		assertThat(alerts.withActiveAlerts(List.of(person, -1L))).containsExactly(person);

		assertThat(alerts.anonymiseAbout(person)).isEqualTo(1);

		assertThat(personal(concluded)).isEqualTo("[]|[]|null|null");
		assertThat(personal(active)).contains("NAING OO").contains("\"type\": \"PERSON\"");
		assertThat(jdbc.sql("select count(*) from alert_action where alert_id = :id and note is not null")
				.param("id", concluded).query(Long.class).single()).isZero();
	}

	private AlertBook.Raising raising(long alertId, String severity) {
		Map<String, Object> row = jdbc.sql("select subject_type, subject_key, facts_key from alert where id = :id")
				.param("id", alertId).query().singleRow();
		return new AlertBook.Raising((String) row.get("subject_type"), (String) row.get("subject_key"), null, TAAR,
				(String) row.get("facts_key"), Severity.valueOf(severity), List.of("X"), List.of(), null);
	}

	/** Status, outcome, who closed it, its note, the link, what changed in its facts. */
	private String row(long id) {
		return jdbc.sql("""
				select concat_ws('|', status, coalesce(outcome, 'null'), coalesce(closed_by, 'null'),
				  coalesce(close_note, 'null'), coalesce(closed_by_link::text, 'null'),
				  coalesce(facts_note_key, 'null'), coalesce(facts_note_args, 'null'), version)
				from alert where id = :id""").param("id", id).query(String.class).single();
	}

	private String seen(long id) {
		return jdbc.sql("select '|' || last_seen_at || '|' || severity || '|' || summary_args from alert where id = :id")
				.param("id", id).query(String.class).single();
	}

	private String personal(long id) {
		return jdbc.sql("""
				select concat_ws('|', evidence, summary_args, coalesce(facts_note, 'null'), coalesce(close_note, 'null'))
				from alert where id = :id""").param("id", id).query(String.class).single();
	}

	private String etag(long id) {
		return "\"" + data.version(id) + "\"";
	}
}
