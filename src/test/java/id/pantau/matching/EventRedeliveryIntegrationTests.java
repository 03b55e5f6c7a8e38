package id.pantau.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import id.pantau.PantauIntegrationTest;
import id.pantau.TokenClient;
import id.pantau.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * An event whose listener never finished (the process died before or while matching ran, so the matching's own
 * transaction rolled back) stays incomplete in the publication registry and is delivered again: at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart=true}, which calls the same resubmission) or
 * when resubmitted. Here the crash is recreated in the database: the batch's matching undone and its publication put
 * back to the state a crash leaves.
 */
@PantauIntegrationTest
class EventRedeliveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	@Value("${spring.modulith.events.republish-outstanding-events-on-restart}")
	boolean republishOnRestart;

	@ParameterizedTest(name = "left {0}")
	@ValueSource(strings = { "PUBLISHED", "PROCESSING" })
	void aCrossingImportWhoseMatchingACrashInterruptedIsMatchedWhenItsEventIsDeliveredAgain(String leftAs) {
		assertThat(republishOnRestart).as("incomplete publications are delivered again at every start").isTrue();
		TokenClient feed = new TokenClient(port, TokenClient.issue(WebSession.loggedIn(port, "admin"),
				"feed-ulang-" + leftAs.toLowerCase(), "IMIGRASI_FEED", "IMIGRASI", "").token());
		String tag = tag();
		HttpResponse<String> posted = feed.post("/api/v1/crossings?legal_basis="
				+ URLEncoder.encode("Surat Kanim Tual W.27-1", StandardCharsets.UTF_8) + "&origin=SIMKIM", """
				[{"direction": "ENTRY", "crossed_at": "2026-06-01 08:00", "port": "TUAL-LAUT",
				  "document_number": "MP%s", "nationality": "MMR", "full_name": "THANT ZIN %s",
				  "birth_date": "1990-02-03", "sex": "M"}]""".formatted(tag, tag));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		long crossing = jdbc.sql("select id from crossing where document_number = :doc").param("doc", "MP" + tag)
				.query(Long.class).single();
		long batch = jdbc.sql("select batch_id from crossing where id = :id").param("id", crossing).query(Long.class)
				.single();
		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(crossing) != null);
		UUID publication = jdbc.sql("""
				select id from event_publication where event_type like '%CrossingsImported'
				  and serialized_event ~ ('"batchId":' || :batch || '[,}]') and listener_id like '%MatchingTriggers%'""")
				.param("batch", batch).query(UUID.class).single();
		await().atMost(Duration.ofSeconds(30)).until(() -> completed(publication));

		// What a crash leaves: the listener's transaction (cases, links, the batch marked matched) never committed, and the
		// publication has no completion date.
		jdbc.sql("delete from match_case where record_kind = 'CROSSING' and record_id = :id").param("id", crossing)
				.update();
		jdbc.sql("update crossing set person_id = null where id = :id").param("id", crossing).update();
		jdbc.sql("delete from match_batch where batch_id = :batch").param("batch", batch).update();
		jdbc.sql("update event_publication set completion_date = null, status = :status where id = :id")
				.param("status", leftAs).param("id", publication).update();
		assertThat(caseOf(crossing)).isNull();

		incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));

		await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(crossing) != null && completed(publication));
	}

	private Long caseOf(long crossing) {
		return jdbc.sql("select id from match_case where record_kind = 'CROSSING' and record_id = :id")
				.param("id", crossing).query(Long.class).optional().orElse(null);
	}

	private boolean completed(UUID publication) {
		return jdbc.sql("select completion_date is not null from event_publication where id = :id")
				.param("id", publication).query(Boolean.class).single();
	}

	private static String tag() {
		Random random = new Random();
		StringBuilder tag = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			tag.append((char) ('A' + random.nextInt(26)));
		}
		return tag.toString();
	}
}
