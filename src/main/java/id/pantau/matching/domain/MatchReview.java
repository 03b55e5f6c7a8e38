package id.pantau.matching.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import id.pantau.reference.ReferenceData;
import id.pantau.reference.RegionLevel;
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
	private final ReferenceData reference;
	private final PersonListStore listRows;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	MatchReview(MatchCases cases, CrossingRecords crossings, ReportRecords reports, Registry registry,
			ReferenceData reference, PersonListStore listRows, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.cases = cases;
		this.reference = reference;
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

		/** Doubtful links, and automatic links that someone undid: a person decides. */
		REVIEW(List.of(Decision.MATCH, Decision.REVIEW), null, QueueFilter.Sort.SCORE, State.PENDING),
		/**
		 * Village reports like no one in the registry. A crossing like no one is no work: most travellers (transient
		 * crew) need no registry entry.
		 */
		UNMATCHED(List.of(Decision.NONE), Kind.REPORT, QueueFilter.Sort.LATEST, State.PENDING),
		LINKED(List.of(), null, QueueFilter.Sort.LATEST, State.LINKED),
		DECIDED(List.of(), null, QueueFilter.Sort.LATEST, State.CONFIRMED, State.REJECTED, State.NEW_PERSON);

		private final List<Decision> proposals;
		private final Kind kind;
		private final QueueFilter.Sort defaultSort;
		private final List<State> states;

		Queue(List<Decision> proposals, Kind kind, QueueFilter.Sort defaultSort, State... states) {
			this.proposals = proposals;
			this.kind = kind;
			this.defaultSort = defaultSort;
			this.states = List.of(states);
		}

		/** The order the queue is shown in when the reviewer chose none: the likeliest links first for review. */
		public QueueFilter.Sort defaultSort() {
			return defaultSort;
		}

		/** A queue by its name in any case, e.g. {@code review}. */
		public static java.util.Optional<Queue> of(String name) {
			return java.util.Arrays.stream(values()).filter(q -> q.name().equalsIgnoreCase(name.strip()))
					.findFirst();
		}
	}

	/**
	 * A page of a queue: its rows, where they lie among all the queue's cases the filter keeps ({@code first} to
	 * {@code last} of {@code total}, counting from 1), and the count of every queue under the same filter.
	 */
	public record QueuePage(Queue queue, QueueFilter filter, QueueFilter.Sort sort, List<QueueRow> rows, int page,
			boolean hasNext, Counts counts) {

		public long total() {
			return counts.of(queue);
		}

		public long first() {
			return rows.isEmpty() ? 0 : (long) page * PAGE_SIZE + 1;
		}

		public long last() {
			return (long) page * PAGE_SIZE + rows.size();
		}
	}

	public record Counts(long review, long unmatched, long linked, long decided) {

		public long of(Queue queue) {
			return switch (queue) {
				case REVIEW -> review;
				case UNMATCHED -> unmatched;
				case LINKED -> linked;
				case DECIDED -> decided;
			};
		}
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

	/**
	 * A page of a queue under a filter, in the given order (the queue's own when null), with the counts of every queue
	 * under the same filter; only cases whose record the user's scope covers are shown or counted.
	 */
	@Transactional
	public QueuePage queue(ScopedPrincipal user, Queue queue, QueueFilter filter, QueueFilter.Sort sort, int page) {
		int safePage = Math.max(0, page);
		QueueFilter.Sort order = sort == null ? queue.defaultSort : sort;
		LocalDate today = LocalDate.now(clock.withZone(DisplayTime.ZONE));
		List<QueueRow> found = cases.queue(user.scope(), queue.states, queue.proposals, queue.kind, filter, order,
				today, PAGE_SIZE + 1, safePage * PAGE_SIZE);
		MatchCases.Counts counts = cases.counts(user.scope(), filter, today);
		List<QueueRow> shown = found.subList(0, Math.min(PAGE_SIZE, found.size()));
		// each row names a person as a record wrote them: which cases a reviewer saw, by id
		audit.record(AuditEntry.of("MATCH_CASES_LISTED").region(user.scope().regionCode()).detail("queue", queue)
				.detail("page", safePage).detail("rows", shown.size())
				.shown("MATCH_CASE", shown.stream().map(row -> row.matchCase().id()).toList()));
		return new QueuePage(queue, filter, order, shown, safePage,
				found.size() > PAGE_SIZE,
				new Counts(counts.review(), counts.unmatched(), counts.linked(), counts.decided()));
	}

	/**
	 * Reads a queue's filter from the words of a page's address or of the API (each may be null or blank for "all"),
	 * and refuses a value it does not know with a problem per field, named as the API names it.
	 */
	public QueueFilter filter(String source, String nationality, String score, String age) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		QueueFilter.Source from = null;
		if (given(source)) {
			from = QueueFilter.Source.parse(source).orElse(null);
			if (from == null || (from.villageCode() != null && reference.region(from.villageCode())
					.filter(r -> r.level() == RegionLevel.VILLAGE).isEmpty())) {
				problems.add(new InvalidInput.Problem("source", "matching.filter.badSource", clip(source)));
				from = null;
			}
		}
		String country = null;
		if (given(nationality)) {
			country = nationality.strip().toUpperCase(Locale.ROOT);
			String code = country;
			if (reference.countries().stream().noneMatch(c -> c.alpha3().equals(code))) {
				problems.add(new InvalidInput.Problem("nationality", "matching.filter.badNationality",
						clip(nationality)));
			}
		}
		QueueFilter.ScoreBand band = null;
		if (given(score)) {
			band = QueueFilter.ScoreBand.parse(score).orElse(null);
			if (band == null) {
				problems.add(new InvalidInput.Problem("score", "matching.filter.badScore", clip(score)));
			}
		}
		QueueFilter.AgeBand ages = null;
		if (given(age)) {
			ages = QueueFilter.AgeBand.parse(age).orElse(null);
			if (ages == null) {
				problems.add(new InvalidInput.Problem("age", "matching.filter.badAge", clip(age)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QueueFilter(from, country, band, ages);
	}

	/** An order by its word ({@code skor}, {@code nama}...) or its name; null for blank. */
	public QueueFilter.Sort sort(String text) {
		if (!given(text)) {
			return null;
		}
		return QueueFilter.Sort.parse(text)
				.orElseThrow(() -> InvalidInput.of("sort", "matching.filter.badSort", clip(text)));
	}

	/** A page number from an address, counting from 0. */
	public static int page(String text) {
		if (!given(text)) {
			return 0;
		}
		try {
			int page = Integer.parseInt(text.strip());
			if (page >= 0 && page <= 1_000_000) {
				return page;
			}
		}
		catch (NumberFormatException notANumber) {
			// refused below
		}
		throw InvalidInput.of("page", "matching.filter.badPage", clip(text));
	}

	/** The latest batches of crossings (and the one chosen, if older), for choosing a source. */
	@Transactional(readOnly = true)
	public List<QueueRow.Batch> batches(ScopedPrincipal user, QueueFilter filter) {
		if (!user.scope().coversUnplaced()) {
			return List.of();
		}
		List<QueueRow.Batch> batches = new ArrayList<>(cases.batches(100));
		Long chosen = filter.source() == null ? null : filter.source().batchId();
		if (chosen != null && batches.stream().noneMatch(b -> b.id() == chosen)) {
			cases.batch(chosen).ifPresent(batches::add);
		}
		return batches;
	}

	private static boolean given(String text) {
		return text != null && !text.isBlank();
	}

	/** A value quoted back to the user, short enough for a message. */
	private static String clip(String text) {
		String value = text.strip();
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
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
				.detail("proposed", matchCase.proposal()).text("reason", reason));
		return cases.find(caseId).orElseThrow();
	}

	/** None of the candidates is the record's person; the record stays unlinked. */
	@Transactional
	public MatchCase rejectAll(ScopedPrincipal user, long caseId, int version, String reason) {
		MatchCase matchCase = visible(user, caseId);
		decide(user, matchCase, version, State.REJECTED, null, required(reason));
		audit.record(AuditEntry.of("MATCH_REJECTED").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).text("reason", reason));
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

	/**
	 * A person registered from a record.
	 *
	 * @param unmappedPermit the crossing's permit type as written, when it is not a known type (nor mapped for the
	 * crossing's origin): the person was registered without a permit, and the value is in the person's notes
	 */
	public record NewPerson(PersonRef person, String unmappedPermit) {
	}

	/**
	 * Registers the record's person as a new person in the registry and links the record to it. A crossing's permit
	 * type becomes the person's permit when it is a known type (as written or as mapped for its origin); any other
	 * permit type the export wrote does not stop the registration: the person is registered without a permit and the
	 * permit as written, with its end date, goes into the person's notes.
	 */
	@Transactional
	public NewPerson createPerson(ScopedPrincipal user, long caseId, int version, String category, String villageCode) {
		MatchCase matchCase = visible(user, caseId);
		String unmappedPermit = null;
		PersonRef person;
		switch (matchCase.kind()) {
			case CROSSING -> {
				CrossingRecord crossing = crossings.find(matchCase.recordId()).orElseThrow();
				boolean known = crossing.permitType() == null || reference.permitTypes().stream()
						.anyMatch(t -> t.code().equals(crossing.permitType()));
				unmappedPermit = known ? null : crossing.permitAsWritten();
				person = registry.register(user, crossingForm(crossing, known, category, villageCode));
			}
			case REPORT -> person = registry.register(user,
					reportForm(reports.find(matchCase.recordId()).orElseThrow(), category, villageCode));
			case ROSTER -> person = registry.registerFromList(user,
					listRows.row(matchCase.recordId()).orElseThrow().listed(), category, villageCode);
			default -> throw new IllegalStateException(matchCase.kind().name());
		}
		decide(user, matchCase, version, State.NEW_PERSON, person.id(), null);
		audit.record(AuditEntry.of("MATCH_NEW_PERSON").subject("MATCH_CASE", caseId).region(matchCase.regionCode())
				.detail("record", matchCase.kind() + " " + matchCase.recordId()).detail("person", person.id())
				.detail("unmappedPermit", unmappedPermit));
		return new NewPerson(person, unmappedPermit);
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
				.detail("person", matchCase.personId()).text("reason", reason));
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

	private static PersonForm crossingForm(CrossingRecord crossing, boolean permitKnown, String category,
			String villageCode) {
		String birth = crossing.birthDate() != null ? crossing.birthDate().toString()
				: crossing.birthYear() != null ? crossing.birthYear().toString() : "";
		String until = crossing.stayUntil() == null ? "" : crossing.stayUntil().toString();
		String notes = permitKnown ? ""
				: "Izin tinggal menurut data perlintasan #" + crossing.id() + ": \"" + crossing.permitAsWritten() + "\""
						+ (crossing.stayUntil() == null ? ""
								: ", berlaku sampai " + DisplayTime.DAY.format(crossing.stayUntil()))
						+ " (jenis izin ini belum dipetakan ke jenis izin yang dikenal, jadi izin belum dicatat).";
		return new PersonForm(crossing.fullName(), "CROSSING", nullToEmpty(crossing.sex()), birth,
				crossing.nationality(), "", category, notes, "PASSPORT", nullToEmpty(crossing.documentNumber()), "",
				"", permitKnown ? nullToEmpty(crossing.permitType()) : "", "", permitKnown ? until : "",
				nullToEmpty(villageCode), "", "");
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
