package id.pantau.followup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

import id.pantau.platform.copy.CopyTables;
import id.pantau.platform.copy.CopyText;

/**
 * Follow-up's way in for generated data sets (benchmarks, load tests): alerts in any status straight into
 * {@code alert} with PostgreSQL COPY, in chunks, on the caller's connection and transaction, without evidence. The
 * caller gives the ids (from {@link #nextAlertId}). Nothing is checked, audited or announced: trusted generators only.
 */
public final class AlertBulkLoad {

	/** An alert as it stands; {@code status} one of the aggregate's statuses, the closing fields null while open. */
	public record Alert(long id, String rule, Severity severity, String subjectType, String subjectKey, Long personId,
			String regionCode, String factsKey, String legalReference, String status, String assignedAgency,
			String assignedTo, Instant opened, Instant lastSeen, Instant closedAt, String closedBy, String outcome,
			String closeNote) {
	}

	private final CopyTables tables;
	private final CopyText alerts = new CopyText();

	private AlertBulkLoad(CopyTables tables) {
		this.tables = tables;
	}

	/** A load into the tables of the connection of {@code tables}. */
	public static AlertBulkLoad into(CopyTables tables) {
		return new AlertBulkLoad(tables);
	}

	/** The id the next alert gets: one after the highest stored. */
	public long nextAlertId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from alert");
	}

	public void alert(Alert a) {
		alerts.row(a.id(), a.rule(), a.severity().name(), a.subjectType(), a.subjectKey(), a.personId(),
				a.regionCode(), a.factsKey(), "[]", "[]", a.legalReference(), a.status(), a.assignedAgency(),
				a.assignedTo(), a.opened(), a.lastSeen(), a.closedAt(), a.closedBy(), a.outcome(), a.closeNote(), 0);
	}

	/** COPYs the alerts so far and empties them. */
	public void flush() throws SQLException, IOException {
		tables.copy("alert", "id, rule, severity, subject_type, subject_key, person_id, region_code, facts_key,"
				+ " summary_args, evidence, legal_reference, status, assigned_agency, assigned_to, opened_at,"
				+ " last_seen_at, closed_at, closed_by, outcome, close_note, version", alerts);
	}

	/** After the last flush, moves the alert id sequence past the ids given (COPY overrides GENERATED ALWAYS). */
	public void finish() throws SQLException {
		tables.execute("select setval(pg_get_serial_sequence('alert', 'id'), (select coalesce(max(id), 0) + 1"
				+ " from alert), false)");
	}
}
