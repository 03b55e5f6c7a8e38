package id.pantau.followup.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import id.pantau.followup.domain.Meeting.AgencyView;
import id.pantau.followup.domain.Meeting.Attendance;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** TIMPORA meetings with their agenda, attendance, views and decisions. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class Meetings {

	private final JdbcClient jdbc;

	long create(Instant heldAt, String place, String chair, String createdBy, Instant now) {
		return jdbc.sql("""
				insert into timpora_meeting (held_at, place, chair, status, created_by, created_at, version)
				values (:heldAt, :place, :chair, 'PLANNED', :by, :now, 0) returning id""")
				.param("heldAt", Timestamp.from(heldAt)).param("place", place).param("chair", chair)
				.param("by", createdBy).param("now", Timestamp.from(now)).query(Long.class).single();
	}

	Optional<Meeting> find(long id) {
		return jdbc.sql("select * from timpora_meeting where id = :id").param("id", id).query(Meetings::meeting)
				.optional();
	}

	List<Meeting> recent(int limit) {
		return jdbc.sql("select * from timpora_meeting order by held_at desc, id desc limit :limit")
				.param("limit", limit).query(Meetings::meeting).list();
	}

	record ItemRow(long alertId, int position, String decision) {
	}

	List<ItemRow> items(long meetingId) {
		return jdbc.sql("select alert_id, position, decision from meeting_item where meeting_id = :id order by position")
				.param("id", meetingId)
				.query((rs, n) -> new ItemRow(rs.getLong("alert_id"), rs.getInt("position"), rs.getString("decision")))
				.list();
	}

	/** Adds the alert at the end of the agenda; false when it is on it already. */
	boolean addItem(long meetingId, long alertId) {
		return jdbc.sql("""
				insert into meeting_item (meeting_id, alert_id, position)
				select :meeting, :alert, coalesce(max(position), 0) + 1 from meeting_item where meeting_id = :meeting
				on conflict do nothing""").param("meeting", meetingId).param("alert", alertId).update() == 1;
	}

	boolean decide(long meetingId, long alertId, String decision) {
		return jdbc.sql("update meeting_item set decision = :decision where meeting_id = :meeting and alert_id = :alert")
				.param("decision", decision).param("meeting", meetingId).param("alert", alertId).update() == 1;
	}

	List<AgencyView> views(long meetingId, long alertId) {
		return jdbc.sql("select agency, view from meeting_view where meeting_id = :m and alert_id = :a order by agency")
				.param("m", meetingId).param("a", alertId)
				.query((rs, n) -> new AgencyView(rs.getString("agency"), rs.getString("view"))).list();
	}

	void recordView(long meetingId, long alertId, String agency, String view) {
		jdbc.sql("""
				insert into meeting_view (meeting_id, alert_id, agency, view) values (:m, :a, :agency, :view)
				on conflict (meeting_id, alert_id, agency) do update set view = excluded.view""")
				.param("m", meetingId).param("a", alertId).param("agency", agency).param("view", view).update();
	}

	List<Attendance> attendance(long meetingId) {
		return jdbc.sql("select agency, attendee from meeting_attendance where meeting_id = :m order by agency, attendee")
				.param("m", meetingId)
				.query((rs, n) -> new Attendance(rs.getString("agency"), rs.getString("attendee"))).list();
	}

	boolean attend(long meetingId, String agency, String attendee) {
		return jdbc.sql("""
				insert into meeting_attendance (meeting_id, agency, attendee) values (:m, :agency, :attendee)
				on conflict do nothing""").param("m", meetingId).param("agency", agency).param("attendee", attendee)
				.update() == 1;
	}

	void markHeld(Meeting meeting, int version, String notes) {
		int rows = jdbc.sql("""
				update timpora_meeting set status = 'HELD', notes = :notes, version = version + 1
				where id = :id and version = :version and status = 'PLANNED'""").param("notes", notes)
				.param("id", meeting.id()).param("version", version).update();
		if (rows != 1) {
			throw new OptimisticLockingFailureException("meeting " + meeting.id() + " changed meanwhile");
		}
	}

	private static Meeting meeting(ResultSet rs, int row) throws SQLException {
		return new Meeting(rs.getLong("id"), rs.getTimestamp("held_at").toInstant(), rs.getString("place"),
				rs.getString("chair"), rs.getString("status"), rs.getString("notes"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
	}
}
