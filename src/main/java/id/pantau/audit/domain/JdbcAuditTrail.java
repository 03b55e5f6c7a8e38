package id.pantau.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import id.pantau.audit.AuditCheckpoint;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
public class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Clock clock;
	private final AuditAnchor anchor;
	private final AuditSequencer sequencer;

	JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock, AuditAnchor anchor, AuditSequencer sequencer) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(1000);
		this.clock = clock;
		this.anchor = anchor;
		this.sequencer = sequencer;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry entry) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName());
		recordAs(signedIn ? authentication.getName() : "system", entry);
	}

	/**
	 * Writes the entry into the queue in the caller's transaction: no lock, no read of the chain's end, so appends of
	 * many requests at once do not wait for each other. The sequencer chains it after the commit (see
	 * {@link AuditSequencer}); a rolled-back transaction leaves no entry.
	 */
	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, AuditEntry entry) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				insert into audit_pending (occurred_at, actor, action, subject_type, subject_id, region_code, ip, details)
				values (:at, :actor, :action, :subjectType, :subjectId, :region, :ip, :details)
				""").param("at", java.sql.Timestamp.from(now)).param("actor", actor).param("action", entry.action())
				.param("subjectType", entry.subjectType()).param("subjectId", entry.subjectId())
				.param("region", entry.regionCode()).param("ip", clientAddress())
				.param("details", AuditChain.details(withTexts(entry))).update();
		sequencer.wakeAfterCommit();
	}

	/** Free texts leave only their length and a keyed hash (see {@link AuditEntry#text}). */
	private Map<String, String> withTexts(AuditEntry entry) {
		if (entry.texts().isEmpty()) {
			return entry.details();
		}
		Map<String, String> all = new TreeMap<>(entry.details());
		entry.texts().forEach((key, text) -> {
			String normal = text.strip().replaceAll("\\s+", " ");
			all.put(key + "Length", Integer.toString(normal.length()));
			all.put(key + "Hash", normal.isEmpty() ? "" : anchor.textHash(normal));
		});
		return all;
	}

	/**
	 * The whole chain, then the chain against every signed checkpoint kept outside the database; when all holds, a
	 * new checkpoint of the last row is signed and appended (a broken trail is never signed). Entries still waiting to
	 * be chained are counted apart: they are not part of the chain yet, and not a break.
	 */
	@Override
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		AuditVerification result = verifyChain();
		AuditSequencer.Waiting waiting = sequencer.waiting();
		return result.withPending(waiting.count(), waiting.oldest());
	}

	private AuditVerification verifyChain() {
		Anchors anchors = anchors();
		if (anchors.forged() > 0) {
			return new AuditVerification(0, null, "CHECKPOINT_FORGED", null, 0, anchors.newestId(),
					anchors.newestAt(), null);
		}
		ChainWalk walk = new ChainWalk(AuditChain.GENESIS, anchors.expected(), anchors.gaplessFrom());
		template.query("""
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details, prev_hash, hash
				from audit_event order by id
				""", walk);
		AuditVerification result = walk.result(anchors);
		if (result.intact() && result.lastId() != null) {
			anchor.write(AuditCheckpoint.CHECKPOINT, result.lastId(), walk.lastHash, clock.instant());
		}
		return result;
	}

	/**
	 * Every quarter of an hour: the rows added since the newest checkpoint are checked against it, and the new end is
	 * signed. Without any checkpoint yet, the whole chain is verified (which writes the first).
	 */
	@Scheduled(cron = "${pantau.audit.checkpoint-cron:0 */15 * * * *}", zone = "Asia/Jayapura")
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT10M")
	@Transactional(readOnly = true)
	public void checkpoint() {
		Anchors anchors = anchors();
		AuditCheckpoint newest = anchors.newest();
		if (newest == null || anchors.forged() > 0) {
			AuditVerification full = verify();
			if (!full.intact()) {
				log.error("Jejak audit tidak utuh ({} mulai baris {}): tidak ada titik jangkar baru yang ditandatangani. "
						+ "Jalankan verify-audit.", full.problem(), full.firstBrokenId());
			}
			return;
		}
		ChainWalk walk = new ChainWalk(null, Map.of(newest.lastId(), newest.hash()), newest.lastId());
		template.query("""
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details, prev_hash, hash
				from audit_event where id >= ? order by id
				""", walk, newest.lastId());
		AuditVerification result = walk.result(new Anchors(List.of(newest), 0));
		if (!result.intact() || result.lastId() == null) {
			log.error("Jejak audit tidak cocok dengan titik jangkar terakhir (baris {}): {} mulai baris {}. "
					+ "Jalankan verify-audit.", newest.lastId(), result.problem(), result.firstBrokenId());
			return;
		}
		anchor.write(AuditCheckpoint.CHECKPOINT, result.lastId(), walk.lastHash, clock.instant());
	}

	/**
	 * After a restore from a backup the trail ends before the newest checkpoints: the operator accepts that, and a
	 * signed {@code RESTORED} line at the restored end supersedes the checkpoints beyond it. Refused unless the cut
	 * tail is the only problem.
	 */
	@Transactional(readOnly = true)
	public AuditVerification acceptRestore() {
		AuditVerification result = verify();
		if ("TRUNCATED".equals(result.problem())) {
			String hash = jdbc.sql("select hash from audit_event where id = :id").param("id", result.lastId())
					.query(String.class).single();
			anchor.write(AuditCheckpoint.RESTORED, result.lastId(), hash, clock.instant());
		}
		return result;
	}

	/** The checkpoints that apply: after the newest RESTORED line, those beyond its row no longer do. */
	private Anchors anchors() {
		List<AuditAnchor.Line> lines = anchor.read();
		int forged = (int) lines.stream().filter(AuditAnchor.Line::forged).count();
		List<AuditCheckpoint> valid = lines.stream().map(AuditAnchor.Line::checkpoint)
				.filter(java.util.Objects::nonNull).toList();
		int restored = -1;
		for (int i = 0; i < valid.size(); i++) {
			if (valid.get(i).kind().equals(AuditCheckpoint.RESTORED)) {
				restored = i;
			}
		}
		if (restored >= 0) {
			long end = valid.get(restored).lastId();
			List<AuditCheckpoint> applying = new java.util.ArrayList<>();
			for (int i = 0; i < valid.size(); i++) {
				if (i >= restored || valid.get(i).lastId() <= end) {
					applying.add(valid.get(i));
				}
			}
			valid = applying;
		}
		return new Anchors(valid, forged);
	}

	private record Anchors(List<AuditCheckpoint> checkpoints, int forged) {

		Map<Long, String> expected() {
			Map<Long, String> expected = new HashMap<>();
			checkpoints.forEach(c -> expected.put(c.lastId(), c.hash()));
			return expected;
		}

		/** Ids are gapless from the first checkpoint on (older rows took theirs from a sequence). */
		long gaplessFrom() {
			return checkpoints.stream().mapToLong(AuditCheckpoint::lastId).min().orElse(Long.MAX_VALUE);
		}

		AuditCheckpoint newest() {
			return checkpoints.stream().max(java.util.Comparator.comparingLong(AuditCheckpoint::lastId)
					.thenComparing(AuditCheckpoint::at)).orElse(null);
		}

		Long newestId() {
			return newest() == null ? null : newest().lastId();
		}

		Instant newestAt() {
			return newest() == null ? null : newest().at();
		}
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	/**
	 * Walks rows in id order: each row's hash over its content, its link to the row before, no missing id where ids are
	 * gapless, and the hash of every row a checkpoint names equal to the signed one.
	 */
	private static final class ChainWalk implements RowCallbackHandler {

		private String previous;
		private final Map<Long, String> expected;
		private final long gaplessFrom;
		private long rows;
		private Long previousId;
		private String lastHash;
		private Long brokenId;
		private String problem;
		private Long expectedId;
		private int checkpointsChecked;
		/** The first row after the newest checkpoint that still held, or the first row when none has yet. */
		private Long firstUnconfirmed;

		/** @param previous the hash the first row must link to, or null to take its link as given (a partial walk) */
		ChainWalk(String previous, Map<Long, String> expected, long gaplessFrom) {
			this.previous = previous;
			this.expected = expected;
			this.gaplessFrom = gaplessFrom;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (problem != null) {
				return;
			}
			rows++;
			long id = rs.getLong("id");
			String prevHash = rs.getString("prev_hash");
			String stored = rs.getString("hash");
			if (firstUnconfirmed == null) {
				firstUnconfirmed = id;
			}
			if (previous != null && !prevHash.equals(previous)) {
				fail(id, "LINK_MISMATCH");
				return;
			}
			if (previousId != null && previousId >= gaplessFrom && id != previousId + 1) {
				// linked, yet an id is missing: a row was removed and the chain recomputed after it
				fail(previousId + 1, "ID_GAP");
				return;
			}
			String computed = AuditChain.hash(prevHash, id, rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), rs.getString("region_code"), rs.getString("ip"), rs.getString("details"));
			if (!computed.equals(stored)) {
				fail(id, "HASH_MISMATCH");
				return;
			}
			String signed = expected.get(id);
			if (signed != null) {
				checkpointsChecked++;
				if (!signed.equals(stored)) {
					// the chain holds in itself but not against what was signed: it was recomputed after a change
					// somewhere after the last checkpoint that still holds
					expectedId = id;
					fail(firstUnconfirmed, "CHECKPOINT_MISMATCH");
					return;
				}
				firstUnconfirmed = null;
			}
			previous = stored;
			previousId = id;
			lastHash = stored;
		}

		private void fail(long id, String why) {
			brokenId = id;
			problem = why;
		}

		AuditVerification result(Anchors anchors) {
			AuditCheckpoint newest = anchors.newest();
			Long newestId = newest == null ? null : newest.lastId();
			Instant newestAt = newest == null ? null : newest.at();
			if (problem == null && newestId != null && (previousId == null || previousId < newestId)) {
				// rows the newest checkpoint saw are gone: the tail was cut
				long first = previousId == null ? 1 : previousId + 1;
				return new AuditVerification(rows, first, "TRUNCATED", previousId, checkpointsChecked, newestId,
						newestAt, newestId);
			}
			return new AuditVerification(rows, brokenId, problem, previousId, checkpointsChecked, newestId, newestAt,
					expectedId);
		}
	}
}
