package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Vessels are Imigrasi's and Kesbangpol's records: a village official reads them and reports about their crew, but
 * neither registers a vessel nor changes what became of one (its crew live in other villages, whose alerts it feeds).
 */
@PantauIntegrationTest
class VesselAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVillageOfficialCannotChangeAVesselsStatus() {
		long id = jdbc.sql("select min(id) from vessel").query(Long.class).single();
		String before = status(id);
		String other = before.equals("SEIZED") ? "ACTIVE" : "SEIZED";
		WebSession village = WebSession.loggedIn(port, "ohoi.taar");

		HttpResponse<String> answer = village.post("/kapal/" + id + "/status", Map.of("status", other));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(status(id)).isEqualTo(before);
	}

	@Test
	void aVillageOfficialCannotRegisterAVessel() {
		WebSession village = WebSession.loggedIn(port, "ohoi.taar");

		HttpResponse<String> answer = village.post("/kapal", Map.of("name", "KM Desa Taar 1", "status", "ACTIVE"));

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from vessel where name = 'KM DESA TAAR 1'").query(Long.class).single())
				.isZero();
	}

	@Test
	void aVillageOfficialReadsTheVesselsWithoutTheFormsThatChangeThem() {
		String page = WebSession.loggedIn(port, "ohoi.taar").get("/kapal").body();
		assertThat(page).contains("KM MITRA JAYA 21").doesNotContain("id=\"vessel-form\"")
				.doesNotContain("/status\"");
	}

	@Test
	void imigrasiAndKesbangpolStillKeepTheVessels() {
		long id = jdbc.sql("select min(id) from vessel").query(Long.class).single();
		String before = status(id);
		for (String keeper : new String[] { "imigrasi", "kesbangpol" }) {
			WebSession session = WebSession.loggedIn(port, keeper);
			assertThat(session.post("/kapal/" + id + "/status", Map.of("status", before)).statusCode())
					.as(keeper).isEqualTo(302);
			assertThat(session.get("/kapal").body()).as(keeper).contains("id=\"vessel-form\"");
		}
	}

	private String status(long id) {
		return jdbc.sql("select status from vessel where id = :id").param("id", id).query(String.class).single();
	}
}
