package id.pantau.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.pantau.PantauIntegrationTest;
import id.pantau.TestClock;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import id.pantau.matching.linkage.Field;
import id.pantau.matching.linkage.LinkageModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

@PantauIntegrationTest
class ModelEstimationIntegrationTests {

	@Autowired
	ModelEstimation estimation;

	@Autowired
	ModelStore models;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MatchCases cases;

	@Autowired
	MatchingSettings settings;

	@Autowired
	RegistryIndex registry;

	@Autowired
	PlatformTransactionManager transactionManager;

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

	@Test
	void anEstimateWhoseAuditFailsSavesNoModel() {
		String modelBefore = jdbc.sql("select properties || '@' || estimated_at from match_model where id = 1")
				.query(String.class).optional().orElse("none");
		AuditTrail failing = new AuditTrail() {
			@Override
			public void record(AuditEntry entry) {
				throw new IllegalStateException("audit unavailable in ModelEstimationIntegrationTests");
			}

			@Override
			public void recordAs(String actor, AuditEntry entry) {
				record(entry);
			}

			@Override
			public AuditVerification verify() {
				throw new UnsupportedOperationException();
			}
		};
		ModelEstimation failingMidway = new ModelEstimation(cases, models, settings, failing, registry, jdbc,
				transactionManager, TestClock.get());

		assertThatThrownBy(() -> failingMidway.estimate(1)).hasMessageContaining("audit unavailable");

		assertThat(jdbc.sql("select properties || '@' || estimated_at from match_model where id = 1")
				.query(String.class).optional().orElse("none")).as("the model saved before the audit failed")
				.isEqualTo(modelBefore);
	}

	@Test
	void theEstimateIsTimedByTheApplicationsClock() {
		Instant moment = TestClock.now().minus(1, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);
		TestClock.freezeAt(moment);
		try {
			assertThat(estimation.estimate(1)).isNotNull();
		}
		finally {
			TestClock.release();
		}

		assertThat(estimation.lastEstimate()).isEqualTo(moment);
		assertThat(jdbc.sql("select estimated_at from match_model where id = 1").query(Timestamp.class).single()
				.toInstant()).isEqualTo(moment);
	}
}
