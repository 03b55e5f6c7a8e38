package id.pantau.bench;

import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import id.pantau.PantauApplication;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited requests from many threads at once: each "request" is a transaction that appends one audit entry through
 * {@link AuditTrail#recordAs} and then goes on with its own work for {@code -Dwork} milliseconds ({@code pg_sleep} in
 * the same transaction, standing for the queries and rendering of a page view), as every personal-data read does.
 * Before issue 19 the append held the chain's advisory lock until that transaction ended, so every audited request of
 * the province waited for the one before it; now the append is an insert into a queue and a sequencer chains entries
 * in batches after the commits. The same class runs against either version (it only uses the public
 * {@code AuditTrail}); the lag to chaining is measured where there is a queue ({@code audit_pending}).
 * <p>
 * Prints requests per second, the request-side append's time (the {@code recordAs} call, inside the transaction) and
 * the whole request's, the age of the oldest entry waiting to be chained (sampled every 20 ms) and how long the queue
 * takes to empty after the load, then checks the chain ({@code verify}). Not a test: it never fails on time. Options:
 * {@code -Dthreads=50 -Dduration=20 (s) -Dwarmup=5 (s) -Dwork=5 (ms) -Dpool=50}.
 */
public final class AuditAppendBenchmark {

	private static final PrintStream out = System.out;

	public static void main(String[] args) throws Exception {
		int threads = Integer.getInteger("threads", 50);
		int seconds = Integer.getInteger("duration", 20);
		int warmup = Integer.getInteger("warmup", 5);
		int workMillis = Integer.getInteger("work", 5);
		int pool = Integer.getInteger("pool", 50);
		double loadStart = BenchFigures.loadAverage();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PantauApplication.class)
				.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
				.properties("pantau.db.embedded.ephemeral=true", "pantau.command=bench", "logging.level.root=WARN",
						"pantau.demo=false", "pantau.db.pool-size=" + pool)
				// a fresh anchor (key and checkpoints) for the fresh database; an argument, so that it wins over
				// application.properties
				.run(withArgument(args, "--pantau.audit.anchor-dir=" + System.getProperty("java.io.tmpdir")
						+ "/pantau-bench-audit-" + System.nanoTime()))) {
			AuditTrail audit = context.getBean(AuditTrail.class);
			TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			boolean queue = jdbc.sql("select to_regclass('audit_pending') is not null").query(Boolean.class).single();
			out.printf("Pantau audit append benchmark, %s%n", ZonedDateTime.now(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
			out.printf("machine: %d cores, Java %s, %s; load average at start %.2f%n",
					Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
					jdbc.sql("select 'PostgreSQL ' || current_setting('server_version')").query(String.class).single(),
					loadStart);
			out.printf("append: %s; %d threads, %d ms of work after the append in each request's transaction, pool %d, "
					+ "%d s after %d s warm-up%n", queue ? "queue + sequencer (issue 19)" : "under the chain's lock",
					threads, workMillis, pool, seconds, warmup);

			Run warm = run(threads, warmup, workMillis, audit, transaction, jdbc, queue);
			out.printf("warm-up: %d requests%n", warm.requests);
			long firstId = lastId(jdbc);
			Run run = run(threads, seconds, workMillis, audit, transaction, jdbc, queue);

			long drainStart = System.nanoTime();
			if (queue) {
				drained(jdbc);
			}
			double drainMillis = (System.nanoTime() - drainStart) / 1e6;
			long chained = lastId(jdbc) - firstId;

			out.printf("%nrequests: %,d in %d s = %.0f per second (%,d chained meanwhile and after)%n", run.requests,
					seconds, run.requests / (double) seconds, chained);
			out.printf("request-side append (recordAs): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.1f ms%n",
					pct(run.append, 50), pct(run.append, 95), pct(run.append, 99), pct(run.append, 100));
			out.printf("whole request (transaction): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", pct(run.request, 50),
					pct(run.request, 95), pct(run.request, 99));
			if (queue) {
				out.printf("lag to chaining (age of the oldest waiting entry, every 20 ms): p50 %.0f ms, p95 %.0f ms, "
						+ "max %.0f ms; queue empty %.0f ms after the load stopped%n", pct(run.lag, 50),
						pct(run.lag, 95), pct(run.lag, 100), drainMillis);
			}
			long verifyStart = System.nanoTime();
			AuditVerification verification = audit.verify();
			out.printf("verify: %s, %,d rows in %.0f ms%n", verification.intact() ? "intact" : verification.problem(),
					verification.rowsChecked(), (System.nanoTime() - verifyStart) / 1e6);
			double loadEnd = BenchFigures.loadAverage();
			out.printf("load average: %.2f at start, %.2f at end%n", loadStart, loadEnd);

			BenchFigures figures = BenchFigures.of(queue ? "audit" : "audit-locked");
			figures.put("threads", threads).put("work_ms", workMillis).put("pool", pool)
					.put("requests_per_s", run.requests / (double) seconds)
					.put("append_p50_ms", pct(run.append, 50)).put("append_p95_ms", pct(run.append, 95))
					.put("request_p95_ms", pct(run.request, 95)).put("load_average_start", loadStart);
			if (queue) {
				figures.put("lag_p95_ms", pct(run.lag, 95)).put("lag_max_ms", pct(run.lag, 100))
						.put("drain_ms", drainMillis);
			}
			figures.put("intact", verification.intact()).write();
		}
	}

	private static final class Run {

		long requests;
		double[] append;
		double[] request;
		double[] lag = new double[0];
	}


	/** Waits until the sequencer has chained every queued entry, or a minute has passed (the run then says so). */
	private static void drained(JdbcClient jdbc) {
		try {
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> waiting(jdbc) == 0);
		}
		catch (ConditionTimeoutException stillWaiting) {
			// reported below with the entries still waiting
		}
	}

	private static Run run(int threads, int seconds, int workMillis, AuditTrail audit, TransactionTemplate transaction,
			JdbcClient jdbc, boolean queue) throws InterruptedException {
		AtomicBoolean stop = new AtomicBoolean();
		List<List<double[]>> perThread = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(threads);
		String pause = "select pg_sleep(" + workMillis / 1000.0 + ")";
		for (int t = 0; t < threads; t++) {
			List<double[]> timings = new ArrayList<>();
			perThread.add(timings);
			String actor = "bench-" + t;
			Thread thread = new Thread(() -> {
				long n = 0;
				while (!stop.get()) {
					long begin = System.nanoTime();
					long[] append = new long[2];
					long entry = n++;
					transaction.executeWithoutResult(status -> {
						append[0] = System.nanoTime();
						audit.recordAs(actor, AuditEntry.of("PERSON_VIEWED").subject("PERSON", entry)
								.region("81.72").detail("bench", "audit"));
						append[1] = System.nanoTime();
						if (workMillis > 0) {
							jdbc.sql(pause).query().listOfRows();
						}
					});
					timings.add(new double[] { (append[1] - append[0]) / 1e6, (System.nanoTime() - begin) / 1e6 });
				}
				done.countDown();
			}, "bench-request-" + t);
			thread.start();
		}
		List<Double> lags = new ArrayList<>();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		if (queue) {
			sampler.scheduleAtFixedRate(() -> {
				Double age = jdbc.sql("select extract(epoch from clock_timestamp() - min(occurred_at)) * 1000 "
						+ "from audit_pending").query(Double.class).optional().orElse(null);
				synchronized (lags) {
					lags.add(age == null ? 0 : age);
				}
			}, 20, 20, TimeUnit.MILLISECONDS);
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		done.await();
		sampler.shutdownNow();
		Run run = new Run();
		List<double[]> all = perThread.stream().flatMap(List::stream).toList();
		run.requests = all.size();
		run.append = all.stream().mapToDouble(t -> t[0]).sorted().toArray();
		run.request = all.stream().mapToDouble(t -> t[1]).sorted().toArray();
		synchronized (lags) {
			run.lag = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		}
		return run;
	}

	private static String[] withArgument(String[] args, String argument) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = argument;
		return all;
	}

	private static long lastId(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

	private static long waiting(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from audit_pending").query(Long.class).single();
	}

	private static double pct(double[] sorted, int percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}
}
