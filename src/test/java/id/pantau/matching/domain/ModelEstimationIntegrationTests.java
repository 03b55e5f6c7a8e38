package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.PantauIntegrationTest;
import id.pantau.matching.linkage.Field;
import id.pantau.matching.linkage.LinkageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PantauIntegrationTest
class ModelEstimationIntegrationTests {

	@Autowired
	ModelEstimation estimation;

	@Autowired
	ModelStore models;

	@Autowired
	JdbcClient jdbc;

	private static final String VILLAGE_PAIRS = """
			select count(*) from match_candidate k join match_case c on c.id = k.case_id
			where c.record_kind <> 'CROSSING'""";

	private String before;

	@BeforeEach
	void rememberTheModel() {
		before = jdbc.sql("select properties from match_model where id = 1").query(String.class).optional()
				.orElse(null);
	}

	@AfterEach
	void backToTheModelBefore() {
		jdbc.sql("delete from match_model where id = 1").update();
		if (before != null) {
			jdbc.sql("""
					insert into match_model (id, properties, estimated_at, confirmed, rejected, unlabelled, iterations)
					values (1, :properties, now(), 0, 0, 0, 0)""").param("properties", before).update();
		}
	}

	@Test
	void fewPairsLeaveTheModelAsItIs() {
		long pairs = jdbc.sql(VILLAGE_PAIRS).query(Long.class).single();

		assertThat(estimation.estimate((int) pairs + 1)).isNull();
	}

	@Test
	void theModelIsEstimatedFromTheComparedPairsSavedAndUsedForTheNextMatches() {
		long pairs = jdbc.sql(VILLAGE_PAIRS).query(Long.class).single();

		ModelStore.Estimate estimate = estimation.estimate(1);

		assertThat(estimate).isNotNull();
		assertThat(estimate.confirmed() + estimate.rejected() + estimate.unlabelled()).isEqualTo((int) pairs);
		assertThat(jdbc.sql("select unlabelled from match_model where id = 1").query(Integer.class).single())
				.isEqualTo(estimate.unlabelled());
		LinkageModel saved = models.current(ModelStore.Source.VILLAGE);
		assertThat(saved.weight(Field.DOCUMENT, Field.DOCUMENT.level("EXACT"))).as("a shared document still counts for")
				.isPositive();
		assertThat(saved.weight(Field.NAME, Field.NAME.level("DIFFERENT"))).as("different names count against")
				.isNegative();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'MATCHING_MODEL_ESTIMATED'")
				.query(Long.class).single()).isPositive();
	}
}
