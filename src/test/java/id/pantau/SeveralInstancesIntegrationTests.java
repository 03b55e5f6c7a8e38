package id.pantau;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import id.pantau.crossings.domain.CrossingImports;
import id.pantau.crossings.domain.ImportJobs;
import id.pantau.crossings.domain.ImportResult;
import id.pantau.crossings.importing.CrossingColumn;
import id.pantau.matching.domain.RegistryIndexProbe;
import id.pantau.platform.Instance;
import id.pantau.platform.Scope;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.PersonForm;
import id.pantau.registry.domain.Person;
import id.pantau.registry.domain.PersonRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Two Pantau instances on one database, as a province runs them behind a load balancer: the test's application and a
 * {@link SecondInstance} named {@code pantau-b}. What one does, the other sees; what must happen once happens once.
 */
@PantauIntegrationTest
class SeveralInstancesIntegrationTests {

	private static final String SECOND = "pantau-b";
	private static SecondInstance second;

	@Autowired
	ApplicationContext first;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportJobs jobs;

	@Autowired
	PersonRegistry registry;

	@Autowired
	Instance instance;

	@Value("${pantau.storage.dir}")
	Path storage;

	@BeforeEach
	void startSecondInstance() {
		if (second == null) {
			second = SecondInstance.beside(first, SECOND);
		}
	}

	@AfterAll
	static void stopSecondInstance() {
		if (second != null) {
			second.close();
			second = null;
		}
	}

	@Test
	void theNightlyDetectionStartedOnBothInstancesAtOnceRunsOnOne() throws Exception {
		Runnable onFirst = scheduled(first, "DetectionTriggers", "nightly");
		Runnable onSecond = scheduled(second.context(), "DetectionTriggers", "nightly");
		long before = jdbc.sql("select coalesce(max(id), 0) from rule_run").query(Long.class).single();
		jdbc.sql("update shedlock set lock_until = locked_at where name = 'detection-nightly'").update();
		ExecutorService both = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			Future<?> a = both.submit(() -> {
				go.await();
				onFirst.run();
				return null;
			});
			Future<?> b = both.submit(() -> {
				go.await();
				onSecond.run();
				return null;
			});
			go.countDown();
			a.get(3, TimeUnit.MINUTES);
			b.get(3, TimeUnit.MINUTES);
			// the same night's job on an instance whose clock is late: the lock is held a while after the run
			onSecond.run();

			Map<String, Long> runs = new HashMap<>();
			jdbc.sql("select rule, count(*) as n from rule_run where id > :before and trigger = 'NIGHTLY' group by rule")
					.param("before", before).query(rs -> {
						runs.put(rs.getString("rule"), rs.getLong("n"));
					});
			assertThat(runs).as("every rule ran").isNotEmpty();
			assertThat(runs.values()).as("each rule once").containsOnly(1L);
			assertThat(jdbc.sql("select locked_by from shedlock where name = 'detection-nightly'").query(String.class)
					.single()).as("the instance that ran it is named").isIn(instance.name(), SECOND);
		}
		finally {
			both.shutdownNow();
			jdbc.sql("update shedlock set lock_until = locked_at where name = 'detection-nightly'").update();
		}
	}

	@Test
	void anUploadIsFollowedAndItsColumnsMappedOnTheOtherInstance() {
		String tag = tag();
		String owner = "imigrasi." + tag.toLowerCase();
		String header = "jenis;tgl;pos;paspor;kwn;nama orang";
		byte[] file = (header + "\nIN;2026-06-01 10:00;TUAL-LAUT;MP" + tag + ";MMR;HLA MYINT " + tag + "\n")
				.getBytes(StandardCharsets.UTF_8);
		ImportJobs.Job started = jobs.start(owner, new ByteArrayInputStream(file),
				new CrossingImports.Provenance(owner, "pulau.csv", "Surat Kanim Tual W.27-2", "Sistem pulau " + tag));
		ImportJobs onSecond = second.bean(ImportJobs.class);

		await().atMost(Duration.ofSeconds(30)).until(() -> onSecond.find(started.id(), owner).orElseThrow().finished());
		ImportJobs.Job waiting = onSecond.find(started.id(), owner).orElseThrow();
		assertThat(waiting.result().needsMapping()).as("the layout is unfamiliar").isTrue();
		assertThat(waiting.result().header()).contains("paspor");
		assertThat(onSecond.find(started.id(), "imigrasi.lain")).as("another user's job").isEmpty();

		Map<CrossingColumn, Integer> mapping = new EnumMap<>(CrossingColumn.class);
		mapping.putAll(Map.of(CrossingColumn.DIRECTION, 0, CrossingColumn.CROSSED_AT, 1, CrossingColumn.PORT, 2,
				CrossingColumn.DOCUMENT_NUMBER, 3, CrossingColumn.NATIONALITY, 4, CrossingColumn.FULL_NAME, 5));
		onSecond.map(waiting, mapping);

		await().atMost(Duration.ofSeconds(30)).until(() -> {
			ImportJobs.Job job = jobs.find(started.id(), owner).orElseThrow();
			return job.finished() && !job.result().needsMapping();
		});
		ImportJobs.Job done = jobs.find(started.id(), owner).orElseThrow();
		assertThat(done.result().added()).isEqualTo(1);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(jdbc.sql("select instance from import_job where id = :id").param("id", started.id())
				.query(String.class).single()).as("imported where it was mapped").isEqualTo(SECOND);
		assertThat(storage.resolve("imports").resolve(started.id() + ".dat")).doesNotExist();
	}

	@Test
	void anImportWhoseInstanceDiedIsTakenOverAndFinishedByAnother() throws Exception {
		String tag = tag();
		String owner = "imigrasi." + tag.toLowerCase();
		UUID id = deadInstancesJob(owner, tag, 1);

		second.bean(ImportJobs.class).takeOverStale();

		await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(id, owner).orElseThrow().finished());
		ImportResult result = jobs.find(id, owner).orElseThrow().result();
		assertThat(result).isNotNull();
		assertThat(result.added()).isEqualTo(1);
		assertThat(jdbc.sql("select instance || '/' || attempts from import_job where id = :id").param("id", id)
				.query(String.class).single()).isIn(SECOND + "/2", instance.name() + "/2");
		assertThat(jdbc.sql("select count(*) from import_slot where user_name = :owner").param("owner", owner)
				.query(Long.class).single()).as("the dead instance's slot given back, the new one closed").isZero();
	}

	@Test
	void anImportInterruptedAgainAndAgainIsMarkedFailedInsteadOfRunningForever() throws Exception {
		String tag = tag();
		String owner = "imigrasi." + tag.toLowerCase();
		UUID id = deadInstancesJob(owner, tag, 3);

		second.bean(ImportJobs.class).takeOverStale();

		ImportJobs.Job job = jobs.find(id, owner).orElseThrow();
		assertThat(job.running()).isFalse();
		assertThat(job.finished()).isTrue();
		assertThat(job.errorKey()).isEqualTo("import.interrupted");
		assertThat(storage.resolve("imports").resolve(id + ".dat")).doesNotExist();
	}

	@Test
	void aPersonChangedOnOneInstanceIsInTheOtherInstancesLinkageIndex() {
		String tag = tag();
		String versionOnSecond = RegistryIndexProbe.version(second.context());
		int sizeOnSecond = RegistryIndexProbe.size(second.context());
		Person person = registry.register(officer(), new PersonForm("THEIN MAUNG " + tag, "VILLAGE_REPORT", "M", "",
				"MMR", "", "EX_CREW", "", "", "", "", "", "", "", "", "81.72.01.2001", "", ""));
		assertThat(RegistryIndexProbe.version(second.context())).isNotEqualTo(versionOnSecond);
		assertThat(RegistryIndexProbe.size(second.context())).isGreaterThan(sizeOnSecond);

		int sizeOnFirst = RegistryIndexProbe.size(first);
		second.bean(PersonRegistry.class).addName(officer(), person.getId(), person.getVersion(), "MAUNG THEIN " + tag,
				"OFFICER");
		assertThat(RegistryIndexProbe.size(first)).as("the alias added on the other instance").isGreaterThan(sizeOnFirst);

		// a change written by an instance whose clock is an hour behind: its time is not the newest, its version is
		String versionOnFirst = RegistryIndexProbe.version(first);
		jdbc.sql("update person set notes = :note, version = version + 1, updated_at = updated_at - interval '1 hour'"
				+ " where id = :id").param("note", "jam terlambat " + tag).param("id", person.getId()).update();
		assertThat(RegistryIndexProbe.version(first)).isNotEqualTo(versionOnFirst);
	}

	/** A running job of an instance that stopped two minutes ago, with its file in the shared folder and its slot. */
	private UUID deadInstancesJob(String owner, String tag, int attempts) throws Exception {
		UUID id = UUID.randomUUID();
		Path folder = storage.resolve("imports");
		Files.createDirectories(folder);
		Files.writeString(folder.resolve(id + ".dat"), "Arah;Waktu;TPI;Nomor Dokumen;Kewarganegaraan;Nama\n"
				+ "MASUK;2026-07-01 10:00;TUAL-LAUT;MT" + tag + ";MMR;KO KO " + tag + "\n");
		jdbc.sql("""
				insert into import_job (id, owner, file_name, legal_basis, origin, state, instance, attempts, heartbeat_at,
				  created_at)
				values (:id, :owner, 'mati.csv', 'Surat Kanim Tual W.27-3', 'SIMKIM', 'RUNNING', 'pantau-mati', :attempts,
				  now() - interval '2 minutes', now() - interval '3 minutes')""").param("id", id).param("owner", owner)
				.param("attempts", attempts).update();
		jdbc.sql("""
				insert into import_slot (id, user_name, instance, taken_at, heartbeat_at)
				values (:id, :owner, 'pantau-mati', now() - interval '3 minutes', now() - interval '2 minutes')""")
				.param("id", UUID.randomUUID()).param("owner", owner).update();
		return id;
	}

	/** The task the scheduler of {@code instance} runs for {@code method} of {@code type}: the lock included. */
	private static Runnable scheduled(ApplicationContext instance, String type, String method) {
		return instance.getBeansOfType(ScheduledTaskHolder.class).values().stream()
				.flatMap(holder -> holder.getScheduledTasks().stream()).map(task -> task.getTask().getRunnable())
				.filter(task -> task.toString().contains(type) && task.toString().contains("." + method))
				.findFirst().orElseThrow(() -> new AssertionError("no scheduled " + type + "." + method));
	}

	private static ScopedPrincipal officer() {
		return new ScopedPrincipal() {

			@Override
			public String getUsername() {
				return "kesbangpol";
			}

			@Override
			public Scope scope() {
				return Scope.of("81.72");
			}
		};
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
