package id.pantau.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditTrail implements AuditTrail {

	/** Serialises appends, so that each row links to the one committed before it. */
	private static final long CHAIN_LOCK = 0x50414e544155L;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(1000);
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEntry entry) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName());
		recordAs(signedIn ? authentication.getName() : "system", entry);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, AuditEntry entry) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleValue();
		String previous = jdbc.sql("select hash from audit_event order by id desc limit 1").query(String.class)
				.optional().orElse(AuditChain.GENESIS);
		long id = jdbc.sql("select nextval('audit_event_id_seq')").query(Long.class).single();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String details = AuditChain.details(entry.details());
		String ip = clientAddress();
		String hash = AuditChain.hash(previous, id, now, actor, entry.action(), entry.subjectType(), entry.subjectId(),
				entry.regionCode(), ip, details);
		jdbc.sql("""
				insert into audit_event (id, occurred_at, actor, action, subject_type, subject_id, region_code, ip,
				  details, prev_hash, hash)
				values (:id, :at, :actor, :action, :subjectType, :subjectId, :region, :ip, :details, :prev, :hash)
				""").param("id", id).param("at", java.sql.Timestamp.from(now)).param("actor", actor)
				.param("action", entry.action()).param("subjectType", entry.subjectType())
				.param("subjectId", entry.subjectId()).param("region", entry.regionCode()).param("ip", ip)
				.param("details", details).param("prev", previous).param("hash", hash).update();
	}

	@Override
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		ChainCheck check = new ChainCheck();
		template.query("""
				select id, occurred_at, actor, action, subject_type, subject_id, region_code, ip, details, prev_hash, hash
				from audit_event order by id
				""", check);
		return new AuditVerification(check.rows, check.brokenId, check.problem);
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static final class ChainCheck implements RowCallbackHandler {

		private String previous = AuditChain.GENESIS;
		private long rows;
		private Long brokenId;
		private String problem;

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			if (brokenId != null) {
				return;
			}
			rows++;
			long id = rs.getLong("id");
			String prevHash = rs.getString("prev_hash");
			String stored = rs.getString("hash");
			String computed = AuditChain.hash(prevHash, id, rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), rs.getString("region_code"), rs.getString("ip"), rs.getString("details"));
			if (!prevHash.equals(previous)) {
				brokenId = id;
				problem = "LINK_MISMATCH";
			}
			else if (!computed.equals(stored)) {
				brokenId = id;
				problem = "HASH_MISMATCH";
			}
			previous = stored;
		}
	}
}
