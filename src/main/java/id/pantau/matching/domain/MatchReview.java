package id.pantau.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.crossings.CrossingRecords;
import id.pantau.crossings.CrossingRecords.CrossingRecord;
import id.pantau.matching.PersonLinked;
import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.LinkUndone;
import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.matching.domain.MatchCase.State;
import id.pantau.matching.linkage.Decision;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.registry.PersonForm;
import id.pantau.registry.Registry;
import id.pantau.registry.Registry.LinkagePerson;
import id.pantau.registry.Registry.PersonRef;
import id.pantau.reports.ReportRecords;
import id.pantau.reports.ReportRecords.ReportRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue: people look at a record and its candidates side by side, confirm one, reject them all, register
 * a new person, or undo a link. Every look and every decision is audited; a case is only shown to users whose scope
 * covers the record (a report's village; a crossing, which has none, needs a regency-wide scope).
 */
@Service
public class MatchReview {

	public static final int PAGE_SIZE = 50;

	private final MatchCases cases;
	private final CrossingRecords crossings;
	private final ReportRecords reports;
	private final Registry registry;
	private final PersonListStore listRows;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MatchReview(MatchCases cases, CrossingRecords crossings, ReportRecords reports, Registry registry,
			PersonListStore listRows, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
		this.cases = cases;
		this.crossings = crossings;
		this.reports = reports;
		this.registry = registry;
		this.listRows = listRows;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Which cases a queue shows. */
	public enum Queue {

		REVIEW(Decision.REVIEW, null, State.PENDING),
		/**
		 * Village reports like no one in the registry. A crossing like no one is no work: most travellers (transient
		 * crew) need no registry entry.
		 */
		UNMATCHED(Decision.NONE, Kind.REPORT, State.PENDING),
		LINKED(null, null, State.LINKED), DECIDED(null, null, State.CONFIRMED, State.REJECTED, State.NEW_PERSON);

		private final Decision proposal;
		private final Kind kind;
		private final List<State> states;

		Queue(Decision proposal, Kind kind, State... states) {
			this.proposal = proposal;
			this.kind = kind;
			this.states = List.of(states);
		}
	}

	public record QueuePage(Queue queue, List<MatchCase> cases, int page, boolean hasNext, Counts counts) {
	}

	public record Counts(long review, long unmatched, long linked, long decided) {
	}

	/**
	 * A case with its record and the candidates the user may see, each with the person's details.
	 *
	 * @param listRow the row of an imported list, for a case of kind ROSTER
	 */
	public record CaseView(MatchCase matchCase, CrossingRecord crossing, ReportRecord report,
			List<CandidateView> candidates, int hiddenCandidates, PersonListRow listRow) {
	}

	public record CandidateView(Candidate candidate, LinkagePerson person) {
	}

	@Transactional(readOnly = true)
	public QueuePage queue(ScopedPrincipal user, Queue queue, int page) {
		int safePage = Math.max(0, page);
		List<MatchCase> found = cases.queue(user.scope(), queue.states, queue.proposal, queue.kind, PAGE_SIZE + 1,
				safePage * PAGE_SIZE);
		MatchCases.Counts counts = cases.counts(user.scope());
		return new QueuePage(queue, found.subList(0, Math.min(PAGE_SIZE, found.size())), safePage,
				found.size() > PAGE_SIZE,
				new Counts(counts.review(), counts.unmatched(), counts.linked(), counts.decided()));
	}

	/** The case side by side with its candidates; audited as a view of personal data. */
	@Transactional
	public CaseView view(ScopedPrincipal user, long caseId) {
		MatchCase matchCase = visible(user, caseId);
		List<Candidate> candidates = cases.candidates(caseId);
		Map<Long, LinkagePerson> persons = registry
				.linkagePersons(candidates.stream().map(Candidate::personId).toList()).stream()
				.collect(Collectors.toMap(LinkagePerson::id, Function.identity()));
		List<CandidateView> shown = candidates.stream().filter(c -> persons.containsKey(c.personId()))
				.filter(c -> user.scope().sees(persons.get(c.personId()).regionCode()))
				.map(c -> new CandidateView(c, persons.get(c.personId()))).toList();
		audit.record(AuditEntry.of("MATCH_CASE_VIEWED").subject("MATCH_CASE", caseId)
				.region(matchCase.regionCode()).detail("record", matchCase.kind() + " " + matchCase.recordId()));
		return new CaseView(matchCase,
				matchCase.kind() == Kind.CROSSING ? crossings.find(matchCase.recordId()).orElse(null) : null,
				matchCase.kind() == Kind.REPORT ? reports.find(matchCase.recordId()).orElse(null) : null, shown,
				candidates.size() - shown.size(),
				matchCase.kind() == Kind.ROSTER ? listRows.row(matchCase.recordId()).orElse(null) : null);
	}

	/** The case the linker made for a record (a village report beside its validation form), when there is one. */
	@Transactional
	public java.util.Optional<CaseView> forRecord(ScopedPrincipal user, Kind kind, long recordId) {
		return cases.find(kind, recordId).filter(c -> user.scope().sees(c.regionCode()))
				.map(c -> view(user, c.id()));
	}

	/** Links the record to one of its candidates (or to another person the user names and may see). */
	@Transactional
	public MatchCase confirm(ScopedPrincipal user, long caseId, int version, long personId, String reason) {
		MatchCase matchCase = visible(user, caseId);
		if (registry.find(user, personId).isEmpty()) {
			throw InvalidInput.of("personId", "matching.personUnknown");
		}
		decide(user, matchCase, version, State.CONFIRMED, personId, reason);
		audit.record(AuditEntry.of("MATCH_CONFIRMED").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).detail("person", personId)
				.detail("proposed", matchCase.proposal()).detail("reason", reason));
		return cases.find(caseId).orElseThrow();
	}

	/** None of the candidates is the record's person; the record stays unlinked. */
	@Transactional
	public MatchCase rejectAll(ScopedPrincipal user, long caseId, int version, String reason) {
		MatchCase matchCase = visible(user, caseId);
		decide(user, matchCase, version, State.REJECTED, null, required(reason));
		audit.record(AuditEntry.of("MATCH_REJECTED").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).detail("reason", reason));
		return cases.find(caseId).orElseThrow();
	}

	/**
	 * Marks many crossings in review as "not in the registry" with one reason (transient crew whose names echo a
	 * resident's): each is decided as a rejection on its own, audited; one that changed since the list was read is
	 * left as it is. Gives how many were decided.
	 */
	@Transactional
	public int rejectCrossings(ScopedPrincipal user, java.util.Map<Long, Integer> versions, String reason) {
		String why = required(reason);
		int decided = 0;
		for (var entry : versions.entrySet()) {
			MatchCase matchCase = visible(user, entry.getKey());
			if (matchCase.kind() != Kind.CROSSING || matchCase.state() != State.PENDING
					|| matchCase.version() != entry.getValue()) {
				continue;
			}
			rejectAll(user, matchCase.id(), matchCase.version(), why);
			decided++;
		}
		return decided;
	}

	/** Registers the record's person as a new person in the registry and links the record to it. */
	@Transactional
	public PersonRef createPerson(ScopedPrincipal user, long caseId, int version, String category, String villageCode) {
		MatchCase matchCase = visible(user, caseId);
		PersonRef person = switch (matchCase.kind()) {
			case CROSSING -> registry.register(user,
					crossingForm(crossings.find(matchCase.recordId()).orElseThrow(), category, villageCode));
			case REPORT -> registry.register(user,
					reportForm(reports.find(matchCase.recordId()).orElseThrow(), category, villageCode));
			case ROSTER -> registry.registerFromList(user, listRows.row(matchCase.recordId()).orElseThrow().listed(),
					category, villageCode);
		};
		decide(user, matchCase, version, State.NEW_PERSON, person.id(), null);
		audit.record(AuditEntry.of("MATCH_NEW_PERSON").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).detail("person", person.id()));
		return person;
	}

	/** Takes back a link (automatic or confirmed) or a rejection: the case waits in the queue again. */
	@Transactional
	public MatchCase undo(ScopedPrincipal user, long caseId, int version, String reason) {
		MatchCase matchCase = visible(user, caseId);
		if (matchCase.state() == State.PENDING) {
			throw new IllegalStateException("nothing to undo");
		}
		required(reason);
		Instant now = clock.instant();
		if (!cases.decide(caseId, version, State.PENDING, null, user.getUsername(), reason, now)) {
			throw new OptimisticLockingFailureException("match case " + caseId + " changed");
		}
		if (matchCase.personId() != null) {
			link(matchCase, null, false);
		}
		if (matchCase.kind() == Kind.ROSTER && matchCase.personId() != null
				&& (matchCase.state() == State.LINKED || matchCase.state() == State.CONFIRMED)) {
			// the names and documents the row brought to a known person go with the link: a wrong document left
			// behind would be strong evidence for the next wrong link (a person made from the row keeps them)
			PersonListRow row = listRows.row(matchCase.recordId()).orElseThrow();
			registry.withdrawFromList(user, matchCase.personId(), row.sourceRef(), row.externalId());
		}
		audit.record(AuditEntry.of("MATCH_UNDONE").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).detail("was", matchCase.state())
				.detail("person", matchCase.personId()).detail("reason", reason));
		events.publishEvent(new MatchDecided(caseId));
		if (matchCase.personId() != null) {
			events.publishEvent(new LinkUndone(caseId, matchCase.kind().name(), matchCase.recordId(),
					matchCase.personId()));
		}
		return cases.find(caseId).orElseThrow();
	}

	private void decide(ScopedPrincipal user, MatchCase matchCase, int version, State state, Long personId,
			String reason) {
		if (matchCase.state().isDecided()) {
			throw new IllegalStateException("already decided");
		}
		if (!cases.decide(matchCase.id(), version, state, personId, user.getUsername(), reason, clock.instant())) {
			throw new OptimisticLockingFailureException("match case " + matchCase.id() + " changed");
		}
		if (!Objects.equals(matchCase.personId(), personId)) {
			link(matchCase, personId, false);
		}
		if (matchCase.kind() == Kind.ROSTER && state == State.CONFIRMED) {
			// a list row confirmed as a known person fills what the person's record lacks, as an automatic link does
			registry.addFromList(user, personId, listRows.row(matchCase.recordId()).orElseThrow().listed());
		}
		events.publishEvent(new MatchDecided(matchCase.id()));
	}

	private void link(MatchCase matchCase, Long personId, boolean automatic) {
		switch (matchCase.kind()) {
			case CROSSING -> crossings.link(matchCase.recordId(), personId);
			case REPORT -> reports.proposePerson(matchCase.recordId(), personId);
			case ROSTER -> listRows.link(matchCase.recordId(), personId);
		}
		events.publishEvent(new PersonLinked(matchCase.kind().name(), matchCase.recordId(), personId, automatic));
	}

	private MatchCase visible(ScopedPrincipal user, long caseId) {
		MatchCase matchCase = cases.find(caseId).orElseThrow(() -> new NotFoundException("match case"));
		boolean covered = matchCase.kind().isUnplaced() ? user.scope().coversUnplaced()
				: user.scope().covers(matchCase.regionCode());
		if (!covered) {
			throw new NotFoundException("match case");
		}
		return matchCase;
	}

	private static String required(String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInput.of("reason", "matching.reasonRequired");
		}
		if (reason.length() > 500) {
			throw InvalidInput.of("reason", "input.tooLong", 500);
		}
		return reason.strip();
	}

	private static PersonForm crossingForm(CrossingRecord crossing, String category, String villageCode) {
		String birth = crossing.birthDate() != null ? crossing.birthDate().toString()
				: crossing.birthYear() != null ? crossing.birthYear().toString() : "";
		return new PersonForm(crossing.fullName(), "CROSSING", nullToEmpty(crossing.sex()), birth,
				crossing.nationality(), "", category, "", "PASSPORT", nullToEmpty(crossing.documentNumber()), "", "",
				nullToEmpty(crossing.permitType()), "",
				crossing.stayUntil() == null ? "" : crossing.stayUntil().toString(), nullToEmpty(villageCode), "", "");
	}

	private static PersonForm reportForm(ReportRecord report, String category, String villageCode) {
		String birth = RecordVariants.birth(report.ageOrBirth(),
				report.createdAt().atZone(DisplayTime.ZONE).toLocalDate()).text();
		String name = RecordVariants.of(report).get(0).fullName();
		String document = RecordVariants.of(report).get(0).documentNumber();
		return new PersonForm(name, "VILLAGE_REPORT", nullToEmpty(report.sex()), nullToEmpty(birth),
				nullToEmpty(report.nationality()), "", category, "", document == null ? "" : "PASSPORT",
				nullToEmpty(document), "", "", "", "", "",
				villageCode == null || villageCode.isBlank() ? report.villageCode() : villageCode, "", "");
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
