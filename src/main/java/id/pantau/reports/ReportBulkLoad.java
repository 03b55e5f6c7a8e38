package id.pantau.reports;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import id.pantau.platform.copy.CopyTables;
import id.pantau.platform.copy.CopyText;

/**
 * The reports' way in for generated data sets (benchmarks, load tests): village reports with their transitions, and
 * monthly reports, straight into {@code village_report}, {@code report_event} and {@code periodic_report} with
 * PostgreSQL COPY, in chunks, on the caller's connection and transaction. The caller gives the ids (from
 * {@link #nextReportId}). Nothing is checked, audited or announced: trusted generators only.
 */
public final class ReportBulkLoad {

	/** A village report as it stands after its transitions; {@code personId} links it to a registry person. */
	public record Report(long id, String number, String villageCode, ReportState state, String namesAsHeard,
			String nationalityText, String nationality, String sex, String ageOrBirth, String documentNumbers,
			String stayingAt, String activity, String employerOrVessel, String presentSince, String note,
			ValidationOutcome outcome, Long personId, Instant created, String createdBy, Instant stateSince,
			Instant updated) {
	}

	/** One transition of a village report ({@code from} null for its creation). */
	public record Event(long reportId, ReportState from, ReportState to, String actor, Instant at, String reason) {
	}

	/** A village's report of a month. */
	public record Periodic(String villageCode, LocalDate month, boolean nil, int foreigners, String note,
			Instant submitted, String submittedBy) {
	}

	/** A month a village has reported. */
	public record VillageMonth(String villageCode, LocalDate month) {
	}

	private final CopyTables tables;
	private final CopyText reports = new CopyText();
	private final CopyText events = new CopyText();
	private final CopyText periodic = new CopyText();

	private ReportBulkLoad(CopyTables tables) {
		this.tables = tables;
	}

	/** A load into the tables of the connection of {@code tables}. */
	public static ReportBulkLoad into(CopyTables tables) {
		return new ReportBulkLoad(tables);
	}

	/** The id the next village report gets: one after the highest stored. */
	public long nextReportId() throws SQLException {
		return tables.number("select coalesce(max(id), 0) + 1 from village_report");
	}

	/** The months already reported, village by village: a generator leaves them as they are. */
	public Set<VillageMonth> reportedMonths() throws SQLException {
		Set<VillageMonth> known = new HashSet<>();
		try (Statement statement = tables.connection().createStatement();
				ResultSet rs = statement.executeQuery("select village_code, month from periodic_report")) {
			while (rs.next()) {
				known.add(new VillageMonth(rs.getString(1), rs.getObject(2, LocalDate.class)));
			}
		}
		return known;
	}

	public void report(Report r) {
		reports.row(r.id(), r.number(), r.villageCode(), r.state().name(), r.namesAsHeard(), r.nationalityText(),
				r.nationality(), r.sex(), r.ageOrBirth(), r.documentNumbers(), r.stayingAt(), r.activity(),
				r.employerOrVessel(), r.presentSince(), r.note(), r.outcome() == null ? null : r.outcome().name(),
				r.personId(), r.created(), r.createdBy(), r.stateSince(), r.updated(), 0);
	}

	public void event(Event e) {
		events.row(e.reportId(), e.from() == null ? null : e.from().name(), e.to().name(), e.actor(), e.at(),
				e.reason());
	}

	public void periodic(Periodic p) {
		periodic.row(p.villageCode(), p.month(), p.nil(), p.foreigners(), p.note(), p.submitted(), p.submittedBy());
	}

	/** COPYs the village reports and their transitions so far, and empties them. */
	public void flushReports() throws SQLException, IOException {
		tables.copy("village_report", "id, number, village_code, state, names_as_heard, nationality_text,"
				+ " nationality, sex, age_or_birth, document_numbers, staying_at, activity, employer_or_vessel,"
				+ " present_since, note,"
				+ " outcome, person_id, created_at, created_by, state_since, updated_at, version", reports);
		tables.copy("report_event", "village_report_id, from_state, to_state, actor, at, reason", events);
	}

	/** COPYs the monthly reports so far, and empties them. */
	public void flushPeriodic() throws SQLException, IOException {
		tables.copy("periodic_report", "village_code, month, nil, foreigners, note, submitted_at, submitted_by",
				periodic);
	}

	/** After the last flush, moves the village report id sequence past the ids given (COPY overrides GENERATED ALWAYS). */
	public void finish() throws SQLException {
		tables.execute("select setval(pg_get_serial_sequence('village_report', 'id'), (select coalesce(max(id),"
				+ " 0) + 1 from village_report), false)");
	}
}
