package id.pantau.followup.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.Agency;
import id.pantau.identity.Notifications;
import id.pantau.identity.Officers;
import id.pantau.identity.Role;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.InvalidInput.Problem;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reports.ReportRecords;
import id.pantau.reports.ReportRecords.ReportRecord;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The alert workflow: people look at alerts within their scope, assign them, acknowledge them, record what was done,
 * and close them with an outcome or dismiss a false one with its reason. Every look at an alert (it is about a person)
 * and every change is audited; every change is made at the version the user saw.
 */
@Service
public class AlertWorkflow {

	public static final int PAGE_SIZE = 50;
	static final int NOTE_LIMIT = 2000;
	/** The rule of the cases a report hands over to Immigration. */
	static final String REPORTED_VIOLATION = "REPORTED_VIOLATION";

	private final Alerts alerts;
	private final ReportRecords reports;
	private final AuditTrail audit;
	private final Notifications notifications;
	private final Officers officers;
	private final Clock clock;

	private static final java.util.Set<Role> ASSIGNABLE_ROLES = java.util.EnumSet.of(Role.KESBANGPOL, Role.IMIGRASI,
			Role.TIMPORA);

	AlertWorkflow(Alerts alerts, ReportRecords reports, AuditTrail audit, Notifications notifications,
			Officers officers, Clock clock) {
		this.officers = officers;
		this.alerts = alerts;
		this.reports = reports;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	public record AlertPage(List<Alert> alerts, long total, int page, boolean hasNext, Instant now) {
	}

	public record AlertView(Alert alert, List<AlertAction> actions, List<MeetingDecision> decisions) {
	}

	/** What a village may know about alerts on the person of its report: no notes, no assignees, no evidence. */
	public record VillageOutcome(String rule, AlertStatus status, String outcome, Instant closedAt,
			List<MeetingDecision> decisions) {
	}

	@Transactional
	public AlertPage list(ScopedPrincipal user, AlertFilter filter) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayRead(actor.role()));
		AlertFilter.Checked checked = filter.checked(actor.scope());
		Instant now = clock.instant();
		Alerts.Found found = alerts.list(actor.scope(), checked, now, PAGE_SIZE + 1);
		List<Alert> shown = found.alerts().subList(0, Math.min(PAGE_SIZE, found.alerts().size()));
		audit.record(AuditEntry.of("ALERTS_LISTED").region(actor.scope().regionCode())
				.detail("statuses", checked.statuses()).detail("rule", checked.rule())
				.detail("region", checked.region()).detail("page", checked.page()).detail("shown", shown.size())
				.shown("ALERT", shown.stream().map(Alert::id).toList()));
		return new AlertPage(shown, found.total(), checked.page(), found.alerts().size() > PAGE_SIZE, now);
	}

	public List<String> rules() {
		return alerts.rules();
	}

	/** The alert with its history and meeting decisions; audited as a view of personal data. */
	@Transactional
	public AlertView view(ScopedPrincipal user, long id) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayRead(actor.role()));
		Alert alert = visible(actor, id);
		audit.record(AuditEntry.of("ALERT_VIEWED").subject("ALERT", id).region(alert.regionCode())
				.detail("rule", alert.rule()).detail("person", alert.personId()));
		return new AlertView(alert, alerts.actions(id), alerts.decisions(id));
	}

	/** An active alert the user may see, for a meeting's agenda; empty when not visible or concluded. */
	Optional<Alert> activeVisible(Actor actor, long id) {
		return alerts.find(id).filter(a -> actor.scope().sees(a.regionCode())).filter(a -> a.status().isActive());
	}

	Alert visible(Actor actor, long id) {
		return alerts.find(id).filter(a -> actor.scope().sees(a.regionCode()))
				.orElseThrow(() -> new NotFoundException("alert " + id));
	}

	/** Assigns the alert to an officer (a user name), an agency, or both. */
	@Transactional
	public Alert assign(ScopedPrincipal user, long id, int version, String officer, String agency) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayAssign(actor.role()));
		Alert alert = atVersion(active(actor, id), version);
		String name = blankToNull(officer) == null ? null : officer.strip().toLowerCase(java.util.Locale.ROOT);
		Agency chosen = agency(agency);
		List<Problem> problems = new ArrayList<>();
		if (name != null) {
			Optional<Officers.Officer> known = assignable(alert).stream().filter(o -> o.username().equals(name))
					.findFirst();
			if (known.isEmpty()) {
				problems.add(new Problem("officer", "followup.assign.officerUnknown"));
			}
			else if (chosen != null && known.get().agency() != chosen) {
				problems.add(new Problem("agency", "followup.assign.agencyMismatch"));
			}
		}
		if (name == null && chosen == null) {
			problems.add(new Problem("officer", "followup.assign.required"));
		}
		throwIf(problems);
		alerts.assign(alert, version, name, chosen == null ? null : chosen.name());
		String note = (name == null ? "" : name) + (name != null && chosen != null ? " / " : "")
				+ (chosen == null ? "" : chosen.name());
		alerts.addAction(id, ActionKind.ASSIGNED, note, null, actor, clock.instant(), null);
		audit.record(AuditEntry.of("ALERT_ASSIGNED").subject("ALERT", id).region(alert.regionCode())
				.detail("officer", name).detail("agency", chosen));
		return alerts.find(id).orElseThrow();
	}

	/** The officers an alert may be given to: active follow-up officers whose territory covers the alert's place. */
	public List<Officers.Officer> assignable(Alert alert) {
		return officers.covering(alert.regionCode(), ASSIGNABLE_ROLES);
	}

	@Transactional
	public Alert acknowledge(ScopedPrincipal user, long id, int version) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayAcknowledge(actor.role()));
		Alert alert = atVersion(visible(actor, id), version);
		alerts.changeStatusAsSeen(alert, AlertStatus.ACKNOWLEDGED, Alerts.Closure.NONE);
		alerts.addAction(id, ActionKind.ACKNOWLEDGED, null, null, actor, clock.instant(), null);
		audit.record(AuditEntry.of("ALERT_ACKNOWLEDGED").subject("ALERT", id).region(alert.regionCode()));
		return alerts.find(id).orElseThrow();
	}

	/** Records a follow-up action with its note and the day it happened. */
	@Transactional
	public Alert record(ScopedPrincipal user, long id, int version, String kind, String note, String happenedOn) {
		Actor actor = Actor.of(user);
		ActionKind chosen = Arrays.stream(ActionKind.values()).filter(ActionKind::isRecordable)
				.filter(k -> k.name().equalsIgnoreCase(kind == null ? "" : kind.strip())).findFirst()
				.orElseThrow(() -> InvalidInput.of("kind", "input.choice"));
		FollowUpPolicy.require(FollowUpPolicy.mayRead(actor.role()) && FollowUpPolicy.mayRecord(actor.role(), chosen));
		Alert alert = atVersion(active(actor, id), version);
		if (!FollowUpPolicy.actionsFor(actor.role(), alert).contains(chosen)) {
			throw InvalidInput.of("kind", "followup.action.notForThisAlert");
		}
		List<Problem> problems = new ArrayList<>();
		String text = blankToNull(note);
		if (text == null) {
			problems.add(new Problem("note", "input.required"));
		}
		else if (text.length() > NOTE_LIMIT) {
			problems.add(new Problem("note", "input.tooLong", NOTE_LIMIT));
		}
		LocalDate day = null;
		if (blankToNull(happenedOn) == null) {
			day = LocalDate.now(clock.withZone(DisplayTime.ZONE));
		}
		else {
			try {
				day = LocalDate.parse(happenedOn.strip());
				if (day.isAfter(LocalDate.now(clock.withZone(DisplayTime.ZONE)))) {
					problems.add(new Problem("happenedOn", "followup.action.future"));
				}
			}
			catch (RuntimeException e) {
				problems.add(new Problem("happenedOn", "input.date"));
			}
		}
		throwIf(problems);
		alerts.touch(alert, version);
		alerts.addAction(id, chosen, text, day, actor, clock.instant(), null);
		audit.record(AuditEntry.of("ALERT_ACTION_RECORDED").subject("ALERT", id).region(alert.regionCode())
				.detail("kind", chosen).detail("on", day));
		return alerts.find(id).orElseThrow();
	}

	@Transactional
	public Alert close(ScopedPrincipal user, long id, int version, String outcome, String note) {
		Actor actor = Actor.of(user);
		Outcome chosen = Outcome.choosable().stream()
				.filter(o -> o.name().equalsIgnoreCase(outcome == null ? "" : outcome.strip())).findFirst()
				.orElseThrow(() -> InvalidInput.of("outcome", "input.choice"));
		FollowUpPolicy.require(FollowUpPolicy.mayClose(actor.role(), chosen));
		Alert alert = atVersion(visible(actor, id), version);
		if (!FollowUpPolicy.outcomesFor(actor.role(), alert).contains(chosen)) {
			throw InvalidInput.of("outcome", "followup.action.notForThisAlert");
		}
		String text = checkedNote(note, false);
		Instant now = clock.instant();
		alerts.changeStatusAsSeen(alert, AlertStatus.CLOSED,
				new Alerts.Closure(now, actor.name(), chosen.name(), text, null));
		alerts.addAction(id, ActionKind.CLOSED, chosen.name() + (text == null ? "" : ": " + text), null, actor, now,
				null);
		audit.record(AuditEntry.of("ALERT_CLOSED").subject("ALERT", id).region(alert.regionCode())
				.detail("outcome", chosen));
		if (REPORTED_VIOLATION.equals(alert.rule())) {
			decidedBack(alert);
		}
		return alerts.find(id).orElseThrow();
	}

	/**
	 * Immigration's decision on a case a report handed over goes back: to Kesbangpol, who concluded the report, and to
	 * the village, whose report page shows the outcome (without the notes).
	 */
	private void decidedBack(Alert alert) {
		String number = alert.summaryArgs().isEmpty() ? "#" + alert.id() : alert.summaryArgs().get(0);
		notifications.notifyRole(Role.KESBANGPOL, alert.regionCode(), "notify.violationDecided", number,
				"/peringatan/" + alert.id());
		alert.evidence().stream().filter(e -> "REPORT".equals(e.type())).findFirst()
				.ifPresent(report -> notifications.notifyRole(Role.OHOI, alert.regionCode(), "notify.reportDecided",
						number, "/laporan/" + report.id()));
	}

	/** A false alert: closed with the reason; the same facts are not alerted again (the engine never reopens it). */
	@Transactional
	public Alert dismiss(ScopedPrincipal user, long id, int version, String reason) {
		Actor actor = Actor.of(user);
		FollowUpPolicy.require(FollowUpPolicy.mayDismiss(actor.role()));
		Alert alert = atVersion(visible(actor, id), version);
		String text = checkedNote(reason, true);
		Instant now = clock.instant();
		alerts.changeStatusAsSeen(alert, AlertStatus.DISMISSED, new Alerts.Closure(now, actor.name(), null, text, null));
		alerts.addAction(id, ActionKind.DISMISSED, text, null, actor, now, null);
		audit.record(AuditEntry.of("ALERT_DISMISSED").subject("ALERT", id).region(alert.regionCode())
				.text("reason", text));
		return alerts.find(id).orElseThrow();
	}

	/**
	 * What was decided about the person of a village report, for the report's page: shown to whoever may see the
	 * report (its village's scope), with nothing internal.
	 */
	@Transactional
	public List<VillageOutcome> outcomesForReport(ScopedPrincipal user, long reportId) {
		Actor actor = Actor.of(user);
		ReportRecord report = reports.find(reportId).filter(r -> actor.scope().sees(r.villageCode()))
				.orElseThrow(() -> new NotFoundException("report " + reportId));
		if (report.personId() == null) {
			return List.of();
		}
		List<VillageOutcome> outcomes = alerts.aboutPerson(report.personId()).stream()
				.map(a -> new VillageOutcome(a.rule(), a.status(), a.outcome(), a.closedAt(), alerts.decisions(a.id())))
				.toList();
		if (!outcomes.isEmpty()) {
			audit.record(AuditEntry.of("ALERT_OUTCOMES_VIEWED").subject("REPORT", reportId)
					.region(report.villageCode()).detail("person", report.personId()).detail("alerts", outcomes.size()));
		}
		return outcomes;
	}

	private Alert active(Actor actor, long id) {
		Alert alert = visible(actor, id);
		if (!alert.status().isActive()) {
			throw new IllegalStateException("alert " + id + " is " + alert.status());
		}
		return alert;
	}

	/** A form or a request made on an older version is refused before anything else is judged. */
	private static Alert atVersion(Alert alert, int version) {
		if (alert.version() != version) {
			throw new OptimisticLockingFailureException("alert " + alert.id() + " changed meanwhile");
		}
		return alert;
	}

	private static Agency agency(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(Agency.values()).filter(a -> a.name().equalsIgnoreCase(value.strip())).findFirst()
				.orElseThrow(() -> InvalidInput.of("agency", "input.choice"));
	}

	private static String checkedNote(String note, boolean required) {
		String text = blankToNull(note);
		if (text == null && required) {
			throw InvalidInput.of("reason", "followup.dismiss.reasonRequired");
		}
		if (text != null && text.length() > NOTE_LIMIT) {
			throw InvalidInput.of(required ? "reason" : "note", "input.tooLong", NOTE_LIMIT);
		}
		return text;
	}

	private static void throwIf(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
