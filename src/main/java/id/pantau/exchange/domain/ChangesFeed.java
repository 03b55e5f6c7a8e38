package id.pantau.exchange.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import id.pantau.audit.AuditCheckpoint;
import id.pantau.audit.AuditCheckpoints;
import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingChanges;
import id.pantau.platform.ChangePosition;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reports.ReportChanges;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What changed since a partner system last asked: crossings, and village reports concluded by Kesbangpol with TIMPORA.
 * The reader keeps the cursor of the last answer and sends it next time; changes come oldest first and none is ever
 * skipped, but a record comes again after each later change to it (at-least-once).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChangesFeed {

	public static final int DEFAULT_LIMIT = 100;
	public static final int MAX_LIMIT = 1000;

	private final CrossingChanges crossings;
	private final ReportChanges reports;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final AuditCheckpoints checkpoints;

	public enum Type {
		CROSSING, VILLAGE_REPORT
	}

	/** One change: what changed, its id, its data as it is now, and the cursor just after it. */
	public record Item(Type type, long id, String cursor, Object payload) {
	}

	/**
	 * @param auditCheckpoint the newest signed checkpoint of Pantau's audit trail (null before the first): a partner
	 * keeps each one it receives, so that a trail rewritten or cut short later in Pantau's database is shown up by
	 * copies Pantau's operators cannot change
	 * @param auditPublicKey the Ed25519 key (base64 X.509) that checks the checkpoints; pin it at the first read
	 */
	public record Changes(List<Item> changes, String next, boolean hasMore, AuditCheckpoint auditCheckpoint,
			String auditPublicKey) {
	}

	private record Positioned(ChangePosition position, Item item) {
	}

	/**
	 * The changes after {@code cursor} (from the beginning when null, empty or {@code 0}). Crossings are released to
	 * readers whose scope covers a whole regency or more, and reports only within the reader's scope.
	 */
	@Transactional
	public Changes read(ScopedPrincipal reader, String cursor, int limit) {
		if (!reader.scope().coversUnplaced()) {
			throw new AccessDeniedException("the changes feed is for regency-wide scopes");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInput.of("limit", "api.changes.limit", MAX_LIMIT);
		}
		ChangePosition after = decode(cursor);
		// One horizon for both reads: changes of transactions older than every running one, so none can come later.
		long horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class)
				.single();
		List<Positioned> merged = new ArrayList<>();
		crossings.after(after, horizon, limit + 1).forEach(c -> merged.add(new Positioned(c.position(),
				new Item(Type.CROSSING, c.crossing().id(), encode(c.position()), c.crossing()))));
		reports.after(after, horizon, reader.scope(), limit + 1).forEach(r -> merged.add(new Positioned(r.position(),
				new Item(Type.VILLAGE_REPORT, r.report().id(), encode(r.position()), r.report()))));
		merged.sort(Comparator.comparing(Positioned::position));
		boolean more = merged.size() > limit;
		List<Positioned> page = more ? merged.subList(0, limit) : merged;
		String next = page.isEmpty() ? encode(after) : encode(page.get(page.size() - 1).position());
		long crossingCount = page.stream().filter(p -> p.item().type() == Type.CROSSING).count();
		audit.record(AuditEntry.of("CHANGES_READ").detail("count", page.size()).detail("crossings", crossingCount)
				.detail("reports", page.size() - crossingCount).detail("scope",
						reader.scope().isWholeDeployment() ? "*" : reader.scope().regionCode())
				.shown("CROSSING", idsOf(page, Type.CROSSING)).shown("REPORT", idsOf(page, Type.VILLAGE_REPORT)));
		return new Changes(page.stream().map(Positioned::item).toList(), next, more,
				checkpoints.latest().orElse(null), checkpoints.publicKey());
	}

	private static List<Long> idsOf(List<Positioned> page, Type type) {
		return page.stream().filter(p -> p.item().type() == type).map(p -> p.item().id()).toList();
	}

	static String encode(ChangePosition position) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((position.transaction() + "." + position.sequence()).getBytes(StandardCharsets.US_ASCII));
	}

	static ChangePosition decode(String cursor) {
		if (cursor == null || cursor.isBlank() || cursor.strip().equals("0")) {
			return ChangePosition.START;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
			String[] parts = text.split("\\.");
			if (parts.length == 2) {
				long transaction = Long.parseLong(parts[0]);
				long sequence = Long.parseLong(parts[1]);
				if (transaction >= 0 && sequence >= 0) {
					return new ChangePosition(transaction, sequence);
				}
			}
		}
		catch (IllegalArgumentException malformed) {
			// answered below
		}
		throw InvalidInput.of("since", "api.changes.cursor");
	}
}
