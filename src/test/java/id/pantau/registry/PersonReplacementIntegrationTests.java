package id.pantau.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import id.pantau.PantauIntegrationTest;
import id.pantau.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PUT /api/v1/persons/{id} replaces the identity as a whole: a body that leaves a field out is refused with a problem
 * naming each missing field, instead of blanking it; null clears a field on purpose.
 */
@PantauIntegrationTest
class PersonReplacementIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void aPartialBodyIsRefusedNamingTheMissingFieldsAndNothingIsBlanked() {
		WebSession officer = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> created = officer.json("POST", "/api/v1/persons", """
				{"primaryName":"THEIN HTIKE PUT","nationality":"MMR","category":"EX_CREW","sex":"M",
				 "birthDate":"1981-03-04","notes":"bekerja di bengkel","villageCode":"81.72.01.2001"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = JSON.readTree(created.body()).get("id").asLong();
		String etag = created.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> partial = officer.json("PUT", "/api/v1/persons/" + id,
				"{\"primaryName\":\"THEIN HTIKE\",\"category\":\"EX_CREW\"}", "If-Match", etag);

		assertThat(partial.statusCode()).isEqualTo(400);
		assertThat(partial.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(partial.body());
		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("sex", "birthDate", "nationality", "claimedNationality", "notes");
		assertThat(problem.get("errors").get(0).get("message").asString()).contains("wajib ada");
		JsonNode unchanged = JSON.readTree(officer.json("GET", "/api/v1/persons/" + id, null).body());
		assertThat(unchanged.get("sex").asString()).isEqualTo("M");
		assertThat(unchanged.get("nationality").asString()).isEqualTo("MMR");
		assertThat(unchanged.get("notes").asString()).isEqualTo("bekerja di bengkel");
	}

	@Test
	void aWholeBodyReplacesAndNullClearsOnPurpose() {
		WebSession officer = WebSession.loggedIn(port, "kesbangpol");
		HttpResponse<String> created = officer.json("POST", "/api/v1/persons", """
				{"primaryName":"AUNG KO PUT","nationality":"MMR","category":"EX_CREW","sex":"M",
				 "notes":"catatan lama","villageCode":"81.72.01.2001"}""");
		long id = JSON.readTree(created.body()).get("id").asLong();

		HttpResponse<String> replaced = officer.json("PUT", "/api/v1/persons/" + id, """
				{"primaryName":"AUNG KO","sex":"M","birthDate":null,"nationality":"MMR","claimedNationality":null,
				 "category":"EX_CREW","notes":null}""", "If-Match", created.headers().firstValue("ETag").orElseThrow());

		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		JsonNode person = JSON.readTree(replaced.body());
		assertThat(person.get("primaryName").asString()).isEqualTo("AUNG KO");
		assertThat(person.path("notes").isNull() || person.path("notes").isMissingNode()).isTrue();
	}
}
