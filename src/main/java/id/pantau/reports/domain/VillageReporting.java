package id.pantau.reports.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.identity.Agency;
import id.pantau.identity.PantauUser;
import id.pantau.identity.Role;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
import id.pantau.registry.Registry;
import id.pantau.registry.ReportedPerson;
import id.pantau.reports.ReportForwarded;
import id.pantau.reports.ReportReturned;
import id.pantau.reports.ReportState;
import id.pantau.reports.ReportSubmitted;
import id.pantau.reports.ReportValidated;
import id.pantau.reports.ReportViewRecorded;
import id.pantau.reports.ValidationOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain of a village report: the village drafts and submits, BPMPD returns with a reason or forwards, Kesbangpol
 * validates with TIMPORA. Each step checks the user's role and scope, is refused when the report is not where the
 * step starts (so that two people acting at once cannot both win), is audited, and publishes an event.
 */
@Service
public class VillageReporting {

	/** The agencies that sit at TIMPORA's table with Kesbangpol and give a view on each forwarded report. */
	public static final List<Agency> TIMPORA_MEMBERS = List.of(Agency.IMIGRASI, Agency.POLRES, Agency.KODIM,
			Agency.LANAL, Agency.KEJAKSAAN, Agency.DISNAKER, Agency.DUKCAPIL, Agency.BIN_DAERAH);

	private static final int VIEW_LENGTH = 1000;

	private final VillageReports reports;
	private final ReferenceData reference;
	private final Registry registry;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate inTransaction;
	private final TransactionTemplate inNewTransaction;

	VillageReporting(VillageReports reports, ReferenceData reference, Registry registry, JdbcClient jdbc,
			AuditTrail audit, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.inTransaction = new TransactionTemplate(transactions);
		this.inNewTransaction = new TransactionTemplate(transactions);
		inNewTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.reports = reports;
		this.reference = reference;
		this.registry = registry;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a post of a new report gave: the report, and whether it was made by an earlier post with the same key. */
	public record Drafted(VillageReport report, boolean repeated) {
	}

	/**
	 * A new draft in the user's village (a BPMPD user names the village). A draft sent again with the same client key
	 * (an offline phone retrying, a form posted again after Back, two posts racing) is not created twice: the report
	 * the first post made is the answer. A key already used by another user is refused, never answered with their
	 * report.
	 */
	public VillageReport draft(PantauUser user, String villageCode, ReportForm form, UUID clientKey) {
		return draftOnce(user, villageCode, form, clientKey).report();
	}

	/** {@link #draft}, saying whether the report was already made by an earlier post with the same client key. */
	public Drafted draftOnce(PantauUser user, String villageCode, ReportForm form, UUID clientKey) {
		if (clientKey != null) {
			var existing = inTransaction.execute(status -> reports.findByClientKey(clientKey));
			if (existing.isPresent()) {
				return new Drafted(sameAuthor(user, existing.get()), true);
			}
		}
		try {
			return new Drafted(inTransaction.execute(status -> create(user, villageCode, form, clientKey)), false);
		}
		catch (DataAccessException raced) {
			// Another post with the same key committed first (this insert waited for it): that one is the report.
			// (Spring Data JDBC wraps the duplicate key in its own exception.)
			VillageReport winner = clientKey == null || !duplicateKey(raced) ? null
					: inNewTransaction.execute(status -> reports.findByClientKey(clientKey)).orElse(null);
			if (winner == null) {
				throw raced;
			}
			return new Drafted(sameAuthor(user, winner), true);
		}
	}

	private static boolean duplicateKey(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof DuplicateKeyException) {
				return true;
			}
		}
		return false;
	}

	private VillageReport create(PantauUser user, String villageCode, ReportForm form, UUID clientKey) {
		String village = village(user, villageCode);
		ReportContent content = content(form);
		Instant now = clock.instant();
		VillageReport report = reports.save(VillageReport.draft(nextNumber(village, now), village, content,
				clientKey, user.getUsername(), now));
		audit.record(AuditEntry.of("REPORT_CREATED").subject("REPORT", report.getId()).region(village)
				.detail("number", report.getNumber()));
		return report;
	}

	/** The report an earlier post with the same key made, if it was this user's; another's is refused. */
	private static VillageReport sameAuthor(PantauUser user, VillageReport report) {
		if (!user.getUsername().equals(report.getCreatedBy()) || !user.scope().covers(report.getVillageCode())) {
			throw new ClientKeyTaken();
		}
		return report;
	}

	@Transactional
	public VillageReport edit(PantauUser user, long id, int version, ReportForm form) {
		VillageReport report = current(user, id, version);
		requireVillageSide(user, report);
		report.edit(content(form), clock.instant());
		return saved(report, "REPORT_EDITED", null);
	}

	@Transactional
	public VillageReport attachPhoto(PantauUser user, long id, int version, UUID photoId, String type) {
		VillageReport report = current(user, id, version);
		requireVillageSide(user, report);
		report.attachPhoto(photoId, type, clock.instant());
		return saved(report, "REPORT_PHOTO_ATTACHED", null);
	}

	/**
	 * Sends the report to BPMPD. A report already submitted (a repeated press, a retry whose answer was lost, a
	 * second tab) is answered as it is, whatever version the repeat was based on: nothing happens twice.
	 */
	@Transactional
	public VillageReport submit(PantauUser user, long id, int version) {
		VillageReport report = visible(user, id);
		boolean author = user.role() == Role.OHOI
				|| user.role() == Role.BPMPD && user.getUsername().equals(report.getCreatedBy());
		if (author && report.isSubmitted()) {
			return report;
		}
		requireVillageSide(user, report);
		if (report.getVersion() != version) {
			throw new OptimisticLockingFailureException("report " + id + " changed since it was read");
		}
		boolean again = report.getState() == ReportState.RETURNED;
		report.submit(user.getUsername(), clock.instant());
		saved(report, again ? "REPORT_RESUBMITTED" : "REPORT_SUBMITTED", null);
		events.publishEvent(new ReportSubmitted(report.getId(), report.getNumber(), report.getVillageCode(), again));
		return report;
	}

	/**
	 * Whether the user may change and submit the report: the village while it is a draft or returned to it; a BPMPD
	 * officer only a draft it made itself on a village's behalf (a report it returned is the village's to fix).
	 */
	public static boolean isEditableBy(PantauUser user, VillageReport report) {
		return switch (user.role()) {
			case OHOI -> report.getState().isEditableByVillage();
			case BPMPD -> report.getState() == ReportState.DRAFT && user.getUsername().equals(report.getCreatedBy());
			default -> false;
		};
	}

	/** The report for its edit form; one the user may not change is refused. */
	@Transactional(readOnly = true)
	public VillageReport editable(PantauUser user, long id) {
		VillageReport report = visible(user, id);
		requireVillageSide(user, report);
		return report;
	}

	@Transactional
	public VillageReport returnToVillage(PantauUser user, long id, int version, String reason) {
		VillageReport report = current(user, id, version);
		requireRole(user, Role.BPMPD);
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", "report.reasonRequired");
		}
		report.returnToVillage(reason.length() > 1000 ? reason.substring(0, 1000) : reason, user.getUsername(),
				clock.instant());
		saved(report, "REPORT_RETURNED", reason);
		events.publishEvent(new ReportReturned(report.getId(), report.getNumber(), report.getVillageCode(),
				reason.strip()));
		return report;
	}

	@Transactional
	public VillageReport forward(PantauUser user, long id, int version) {
		VillageReport report = current(user, id, version);
		requireRole(user, Role.BPMPD);
		report.forward(user.getUsername(), clock.instant());
		saved(report, "REPORT_FORWARDED", null);
		events.publishEvent(new ReportForwarded(report.getId(), report.getNumber(), report.getVillageCode()));
		return report;
	}

	@Transactional
	public VillageReport validate(PantauUser user, long id, int version, ValidationForm form) {
		VillageReport report = current(user, id, version);
		requireRole(user, Role.KESBANGPOL);
		ValidationOutcome outcome = outcome(form.outcome());
		if (outcome == ValidationOutcome.NEW_PERSON_ADDED && (form.category() == null || form.category().isBlank())) {
			throw InvalidInput.of("category", "input.required");
		}
		Long personId = switch (outcome) {
			case KNOWN_IN_ORDER -> knownPerson(user, form.personId(), true);
			case POSSIBLE_VIOLATION -> knownPerson(user, form.personId(), false);
			case NEW_PERSON_ADDED -> registry.registerFromReport(user, reported(report), form.category()).id();
			case NOT_A_FOREIGNER, DUPLICATE -> null;
		};
		if (personId != null && outcome != ValidationOutcome.NEW_PERSON_ADDED) {
			registry.addFromReport(user, personId, reported(report));
		}
		Long duplicateOf = null;
		if (outcome == ValidationOutcome.DUPLICATE) {
			duplicateOf = form.duplicateOf();
			if (duplicateOf == null || duplicateOf == id || reports.findById(duplicateOf)
					.filter(other -> user.scope().covers(other.getVillageCode())).isEmpty()) {
				throw InvalidInput.of("duplicateOf", "report.duplicateUnknown");
			}
		}
		Instant now = clock.instant();
		List<AgencyView> paperViews = new ArrayList<>();
		if (form.views() != null) {
			for (Map.Entry<String, String> view : form.views().entrySet()) {
				if (view.getValue() != null && !view.getValue().isBlank()) {
					Agency agency = member(view.getKey());
					if (report.hasViewOf(agency.name())) {
						throw InvalidInput.of("view." + agency.name(), "report.viewAlreadyGiven");
					}
					paperViews.add(new AgencyView(agency.name(), limited("view." + agency.name(), view.getValue()),
							user.getUsername(), now, true));
				}
			}
		}
		String note = form.note() == null || form.note().isBlank() ? null : form.note().strip();
		report.validate(outcome, personId, duplicateOf, paperViews, note, user.getUsername(), now);
		reports.save(report);
		audit.record(AuditEntry.of("REPORT_VALIDATED").subject("REPORT", id).region(report.getVillageCode())
				.detail("outcome", outcome).detail("person", personId));
		events.publishEvent(new ReportValidated(id, report.getNumber(), report.getVillageCode(), outcome, personId));
		return report;
	}

	/**
	 * A TIMPORA member's officer gives its agency's view on a report that waits for the joint validation; saying it
	 * again replaces what the agency said before. Kesbangpol is told who has spoken.
	 */
	@Transactional
	public VillageReport recordView(PantauUser user, long id, int version, String text) {
		VillageReport report = current(user, id, version);
		Agency agency = user.agency();
		if ((user.role() != Role.TIMPORA && user.role() != Role.IMIGRASI) || !TIMPORA_MEMBERS.contains(agency)) {
			throw new AccessDeniedException("only a TIMPORA member agency gives its view");
		}
		if (text == null || text.isBlank()) {
			throw InvalidInput.of("view", "report.viewRequired");
		}
		report.recordView(agency.name(), limited("view", text), user.getUsername(), clock.instant());
		reports.save(report);
		audit.record(AuditEntry.of("REPORT_VIEW_RECORDED").subject("REPORT", id).region(report.getVillageCode())
				.detail("agency", agency));
		events.publishEvent(new ReportViewRecorded(id, report.getNumber(), report.getVillageCode(), agency.name()));
		return report;
	}

	/** The report, for the user to look at; the look is audited. */
	@Transactional
	public VillageReport view(PantauUser user, long id) {
		VillageReport report = reports.findById(id).orElseThrow(() -> new NotFoundException("report " + id));
		requireVisible(user, report);
		audit.record(AuditEntry.of("REPORT_VIEWED").subject("REPORT", id).region(report.getVillageCode()));
		return report;
	}

	@Transactional(readOnly = true)
	public VillageReport visible(PantauUser user, long id) {
		VillageReport report = reports.findById(id).orElseThrow(() -> new NotFoundException("report " + id));
		requireVisible(user, report);
		return report;
	}

	private VillageReport current(PantauUser user, long id, int version) {
		VillageReport report = visible(user, id);
		if (report.getVersion() != version) {
			throw new OptimisticLockingFailureException("report " + id + " changed since it was read");
		}
		return report;
	}

	private VillageReport saved(VillageReport report, String action, String reason) {
		reports.save(report);
		AuditEntry entry = AuditEntry.of(action).subject("REPORT", report.getId()).region(report.getVillageCode())
				.detail("state", report.getState());
		audit.record(reason == null ? entry : entry.text("reason", reason));
		return report;
	}

	/**
	 * Out of scope, or a draft of someone else's: not found. A draft is the village's own until it is submitted; an
	 * officer sees only one it made itself on a village's behalf.
	 */
	private static void requireVisible(PantauUser user, VillageReport report) {
		if (user.role() == Role.ADMIN || !user.scope().covers(report.getVillageCode())) {
			throw new NotFoundException("report " + report.getId());
		}
		if (report.getState() == ReportState.DRAFT && user.role() != Role.OHOI
				&& !user.getUsername().equals(report.getCreatedBy())) {
			throw new NotFoundException("report " + report.getId());
		}
	}

	private static void requireVillageSide(PantauUser user, VillageReport report) {
		if (user.role() != Role.OHOI && user.role() != Role.BPMPD) {
			throw new AccessDeniedException("only the village (or BPMPD on its behalf) changes a report");
		}
		if (!isEditableBy(user, report)) {
			if (user.role() == Role.OHOI) {
				throw new IllegalTransition(report.getState(), report.getState());
			}
			throw new AccessDeniedException("a village's report is the village's to change");
		}
	}

	private static void requireRole(PantauUser user, Role role) {
		if (user.role() != role) {
			throw new AccessDeniedException(role + " only");
		}
	}

	private String village(PantauUser user, String code) {
		String village = user.role() == Role.OHOI ? user.scope().regionCode() : code;
		if (user.role() != Role.OHOI && user.role() != Role.BPMPD) {
			throw new AccessDeniedException("villages report, BPMPD on their behalf");
		}
		if (village == null || reference.region(village).filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty()) {
			throw InvalidInput.of("villageCode", "village.required");
		}
		if (!user.scope().covers(village)) {
			throw InvalidInput.of("villageCode", "village.outsideScope");
		}
		return village;
	}

	private ReportContent content(ReportForm form) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		String names = text(form.namesAsHeard(), ReportField.NAMES_AS_HEARD, problems);
		String nationalityText = text(form.nationalityText(), ReportField.NATIONALITY_TEXT, problems);
		String nationality = nationalityOf(nationalityText);
		String sex = form.sex() == null || form.sex().isBlank() ? null : form.sex().strip().toUpperCase(Locale.ROOT);
		if (sex != null && !List.of("M", "F", "X").contains(sex)) {
			problems.add(new InvalidInput.Problem("sex", "input.choice"));
		}
		ReportContent content = new ReportContent(names, nationalityText, nationality, sex,
				text(form.ageOrBirth(), ReportField.AGE_OR_BIRTH, problems),
				text(form.documentNumbers(), ReportField.DOCUMENT_NUMBERS, problems),
				text(form.stayingAt(), ReportField.STAYING_AT, problems),
				text(form.activity(), ReportField.ACTIVITY, problems),
				text(form.employerOrVessel(), ReportField.EMPLOYER_OR_VESSEL, problems),
				text(form.presentSince(), ReportField.PRESENT_SINCE, problems),
				text(form.note(), ReportField.NOTE, problems));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return content;
	}

	/** The code of a nationality as said, when it can be read; otherwise the text alone is kept. */
	String nationalityOf(String text) {
		return text == null || text.isBlank() ? null : reference.resolveNationality(text).alpha3();
	}

	private static String text(String value, ReportField field, List<InvalidInput.Problem> problems) {
		if (value == null || value.isBlank()) {
			if (field.required()) {
				problems.add(new InvalidInput.Problem(field.field(), "input.required"));
			}
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > field.maxLength()) {
			problems.add(new InvalidInput.Problem(field.field(), "input.tooLong", field.maxLength()));
			return null;
		}
		return stripped;
	}

	String nextNumber(String village, Instant now) {
		int year = now.atZone(ZoneOffset.UTC).getYear();
		int number = jdbc.sql("""
				insert into report_counter (village_code, year, last_number) values (:village, :year, 1)
				on conflict (village_code, year) do update set last_number = report_counter.last_number + 1
				returning last_number""").param("village", village).param("year", year).query(Integer.class).single();
		return "LAP-%s-%d-%04d".formatted(village.replace(".", ""), year, number);
	}

	private Long knownPerson(PantauUser user, Long personId, boolean required) {
		if (personId == null) {
			if (required) {
				throw InvalidInput.of("personId", "report.personRequired");
			}
			return null;
		}
		return registry.find(user, personId).map(Registry.PersonRef::id)
				.orElseThrow(() -> InvalidInput.of("personId", "report.personUnknown", personId));
	}

	private static ReportedPerson reported(VillageReport report) {
		ReportContent c = report.getContent();
		return new ReportedPerson(report.getNumber(), report.getVillageCode(), c.namesAsHeard(), c.sex(),
				c.nationality(), c.nationalityText(), c.ageOrBirth(), c.documentNumbers(), c.stayingAt(), c.activity(),
				c.employerOrVessel(), c.presentSince(), c.note());
	}

	private static ValidationOutcome outcome(String value) {
		try {
			return ValidationOutcome.valueOf(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInput.of("outcome", "input.required");
		}
	}

	private static Agency member(String value) {
		try {
			Agency agency = Agency.valueOf(value);
			if (TIMPORA_MEMBERS.contains(agency)) {
				return agency;
			}
		}
		catch (IllegalArgumentException e) {
			// refused below
		}
		throw InvalidInput.of("views", "input.choice");
	}

	private static String limited(String field, String text) {
		String stripped = text.strip();
		if (stripped.length() > VIEW_LENGTH) {
			throw InvalidInput.of(field, "input.tooLong", VIEW_LENGTH);
		}
		return stripped;
	}
}
