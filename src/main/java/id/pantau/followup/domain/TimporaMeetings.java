package id.pantau.followup.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.followup.domain.Meeting.Detail;
import id.pantau.followup.domain.Meeting.Item;
import id.pantau.identity.Agency;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.InvalidInput.Problem;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TIMPORA meetings: Kesbangpol or Immigration plans a meeting and takes open alerts as its agenda; attendance is
 * recorded by agency, each agency's view on each item and the decision per item; the decision also enters the alert's
 * history. Members read the meetings; a member sees the agenda items whose alerts lie within its scope.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TimporaMeetings {

	static final int TEXT_LIMIT = 2000;

	private final Meetings meetings;
	private final Alerts alerts;
	private final AlertWorkflow workflow;
	private final AuditTrail audit;
	private final Clock clock;

	@Transactional(readOnly = true)
	public List<Meeting> list(ScopedPrincipal user) {
		FollowUpPolicy.require(FollowUpPolicy.mayReadMeetings(Actor.of(user).role()));
		return meetings.recent(200);
	}

	/** Plans a meeting at a local date-time (WIT) and place, with its chair. */
	@Transactional
	public Meeting create(ScopedPrincipal user, String heldAt, String place, String chair) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		List<Problem> problems = new ArrayList<>();
		Instant when = null;
		try {
			when = LocalDateTime.parse(heldAt == null ? "" : heldAt.strip()).atZone(DisplayTime.ZONE).toInstant();
		}
		catch (RuntimeException e) {
			problems.add(new Problem("heldAt", "followup.meeting.heldAtInvalid"));
		}
		String where = text(place, "place", 200, true, problems);
		String chairedBy = text(chair, "chair", 200, false, problems);
		throwIf(problems);
		long id = meetings.create(when, where, chairedBy, actor.name(), clock.instant());
		audit.record(AuditEntry.of("MEETING_CREATED").subject("MEETING", id).detail("heldAt", when)
				.text("place", where));
		return meetings.find(id).orElseThrow();
	}

	/** The meeting with the items the user may see; audited (the items are about persons). */
	@Transactional
	public Detail detail(ScopedPrincipal user, long id) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayReadMeetings(actor.role()));
		Detail detail = read(actor, id);
		audit.record(AuditEntry.of("MEETING_VIEWED").subject("MEETING", id).detail("items", detail.items().size()));
		return detail;
	}

	Detail read(Actor actor, long id) {
		Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("meeting " + id));
		List<Item> items = new ArrayList<>();
		int hidden = 0;
		for (Meetings.ItemRow row : meetings.items(id)) {
			Optional<Alert> alert = alerts.find(row.alertId()).filter(a -> actor.scope().sees(a.regionCode()));
			if (alert.isEmpty()) {
				hidden++;
				continue;
			}
			items.add(new Item(alert.get(), row.position(), row.decision(), meetings.views(id, row.alertId())));
		}
		return new Detail(meeting, items, meetings.attendance(id), hidden);
	}

	/** How many alerts the agenda picker offers at most: a meeting's worth, and a page that still loads fast. */
	static final int PICKER_LIMIT = 400;

	/**
	 * Active alerts within the user's scope that are not on the agenda yet, most severe first, at most
	 * {@link #PICKER_LIMIT} of {@code total}.
	 */
	public record AgendaCandidates(List<Alert> alerts, long total, Instant now) {

		public boolean truncated() {
			return total > alerts.size();
		}
	}

	/** What the agenda picker offers; audited as a list of alerts, since the picker names persons. */
	@Transactional
	public AgendaCandidates agendaCandidates(ScopedPrincipal user, long id) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		if (meetings.find(id).isEmpty()) {
			throw new NotFoundException("meeting " + id);
		}
		Alerts.Found found = alerts.activeNotOnAgenda(actor.scope(), id, PICKER_LIMIT);
		audit.record(AuditEntry.of("ALERTS_LISTED").region(actor.scope().regionCode()).subject("MEETING", id)
				.detail("purpose", "agenda").detail("shown", found.alerts().size())
				.shown("ALERT", found.alerts().stream().map(Alert::id).toList()));
		return new AgendaCandidates(found.alerts(), found.total(), clock.instant());
	}

	@Transactional
	public int addToAgenda(ScopedPrincipal user, long id, List<Long> alertIds) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("meeting " + id));
		if (!meeting.isPlanned()) {
			throw new IllegalStateException("meeting " + id + " was held");
		}
		if (alertIds == null || alertIds.isEmpty()) {
			throw InvalidInput.of("alertIds", "followup.meeting.pickAlerts");
		}
		for (Long alertId : alertIds) {
			if (alertId == null || workflow.activeVisible(actor, alertId).isEmpty()) {
				throw InvalidInput.of("alertIds", "followup.meeting.alertUnavailable", alertId);
			}
		}
		int added = 0;
		for (Long alertId : alertIds) {
			if (meetings.addItem(id, alertId)) {
				added++;
			}
		}
		audit.record(AuditEntry.of("MEETING_AGENDA_CHANGED").subject("MEETING", id).detail("added", alertIds));
		return added;
	}

	@Transactional
	public void attend(ScopedPrincipal user, long id, String agency, String attendee) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		if (meetings.find(id).isEmpty()) {
			throw new NotFoundException("meeting " + id);
		}
		List<Problem> problems = new ArrayList<>();
		Agency chosen = agency(agency, problems);
		String name = text(attendee, "attendee", 200, true, problems);
		throwIf(problems);
		meetings.attend(id, chosen.name(), name);
		audit.record(AuditEntry.of("MEETING_ATTENDANCE_RECORDED").subject("MEETING", id).detail("agency", chosen));
	}

	/** An agency's view on an item; a TIMPORA member records its own agency's. */
	@Transactional
	public void recordView(ScopedPrincipal user, long id, long alertId, String agency, String view) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayReadMeetings(actor.role()));
		Item item = item(actor, id, alertId);
		List<Problem> problems = new ArrayList<>();
		Agency chosen = agency(agency, problems);
		String text = text(view, "view", TEXT_LIMIT, true, problems);
		throwIf(problems);
		FollowUpPolicy.require(FollowUpPolicy.mayRecordView(actor.role(), actor.agency(), chosen));
		meetings.recordView(id, alertId, chosen.name(), text);
		audit.record(AuditEntry.of("MEETING_VIEW_RECORDED").subject("MEETING", id)
				.region(item.alert().regionCode()).detail("alert", alertId).detail("agency", chosen));
	}

	/** The meeting's decision on an item; it also enters the alert's history. */
	@Transactional
	public void decide(ScopedPrincipal user, long id, long alertId, String decision) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		Item item = item(actor, id, alertId);
		List<Problem> problems = new ArrayList<>();
		String text = text(decision, "decision", TEXT_LIMIT, true, problems);
		throwIf(problems);
		Meeting meeting = meetings.find(id).orElseThrow();
		meetings.decide(id, alertId, text);
		alerts.addAction(alertId, ActionKind.MEETING_DECISION, text,
				meeting.heldAt().atZone(DisplayTime.ZONE).toLocalDate(), actor, clock.instant(), id);
		alerts.touch(alertId);
		audit.record(AuditEntry.of("MEETING_DECISION_RECORDED").subject("MEETING", id)
				.region(item.alert().regionCode()).detail("alert", alertId));
	}

	@Transactional
	public void markHeld(ScopedPrincipal user, long id, int version, String notes) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayManageMeetings(actor.role()));
		Meeting meeting = meetings.find(id).orElseThrow(() -> new NotFoundException("meeting " + id));
		if (meeting.version() != version) {
			throw new OptimisticLockingFailureException("meeting " + id + " changed meanwhile");
		}
		if (!meeting.isPlanned()) {
			throw new IllegalStateException("meeting " + id + " was held");
		}
		List<Problem> problems = new ArrayList<>();
		String text = text(notes, "notes", TEXT_LIMIT * 2, false, problems);
		throwIf(problems);
		meetings.markHeld(meeting, version, text);
		audit.record(AuditEntry.of("MEETING_HELD").subject("MEETING", id));
	}

	/** The meeting for printing; audited as a print. */
	@Transactional
	public Detail forPrint(ScopedPrincipal user, long id, String document) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayReadMeetings(actor.role()));
		Detail detail = read(actor, id);
		audit.record(AuditEntry.of("MEETING_PRINTED").subject("MEETING", id).detail("document", document)
				.detail("items", detail.items().size()));
		return detail;
	}

	private Item item(Actor actor, long meetingId, long alertId) {
		return read(actor, meetingId).items().stream().filter(i -> i.alert().id() == alertId).findFirst()
				.orElseThrow(() -> new NotFoundException("agenda item " + alertId + " of meeting " + meetingId));
	}

	private static Agency agency(String value, List<Problem> problems) {
		Agency chosen = Arrays.stream(Agency.values())
				.filter(a -> a.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst().orElse(null);
		if (chosen == null) {
			problems.add(new Problem("agency", "input.choice"));
		}
		return chosen;
	}

	private static String text(String value, String field, int limit, boolean required, List<Problem> problems) {
		String text = AlertWorkflow.blankToNull(value);
		if (text == null && required) {
			problems.add(new Problem(field, "input.required"));
		}
		else if (text != null && text.length() > limit) {
			problems.add(new Problem(field, "input.tooLong", limit));
		}
		return text;
	}

	private static void throwIf(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}
}
