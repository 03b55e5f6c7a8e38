package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.pantau.PantauIntegrationTest;
import id.pantau.matching.linkage.Field;
import id.pantau.matching.linkage.LinkageModel;
import org.junit.jupiter.api.AfterEach;
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

	@AfterEach
	void backToTheDefaults() {
		models.save(LinkageModel.defaults(), new ModelStore.Estimate(0, 0, 0, 0));
	}

	@Test
	void fewPairsLeaveTheModelAsItIs() {
		long pairs = jdbc.sql("select count(*) from match_candidate").query(Long.class).single();

		assertThat(estimation.estimate((int) pairs + 1)).isNull();
	}

	@Test
	void theModelIsEstimatedFromTheComparedPairsSavedAndUsedForTheNextMatches() {
		long pairs = jdbc.sql("select count(*) from match_candidate").query(Long.class).single();

		ModelStore.Estimate estimate = estimation.estimate(1);

		assertThat(estimate).isNotNull();
		assertThat(estimate.confirmed() + estimate.rejected() + estimate.unlabelled()).isEqualTo((int) pairs);
		assertThat(jdbc.sql("select unlabelled from match_model where id = 1").query(Integer.class).single())
				.isEqualTo(estimate.unlabelled());
		LinkageModel saved = models.current();
		assertThat(saved.weight(Field.DOCUMENT, Field.DOCUMENT.level("EXACT"))).as("a shared document still counts for")
				.isPositive();
		assertThat(saved.weight(Field.NAME, Field.NAME.level("DIFFERENT"))).as("different names count against")
				.isNegative();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'MATCHING_MODEL_ESTIMATED'")
				.query(Long.class).single()).isPositive();
	}
}
