package id.pantau.matching.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.matching.PersonLinked;
import id.pantau.matching.domain.MatchCase.Candidate;
import id.pantau.matching.domain.MatchCase.Kind;
import id.pantau.matching.domain.MatchCase.State;
import id.pantau.matching.linkage.Comparison;
import id.pantau.matching.linkage.Decision;
import id.pantau.matching.linkage.LinkageRecord;
import id.pantau.matching.linkage.PersonIndex;
import id.pantau.matching.linkage.Thresholds;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.ImportSlots;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.RowSource;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.reference.ReferenceData;
import id.pantau.reference.Region;
import id.pantau.registry.ListedPerson;
import id.pantau.registry.Registry;
import id.pantau.registry.Registry.PersonRef;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Onboarding Kesbangpol's existing list of foreigners (CSV or XLSX, see {@link PersonListRows}): every row goes
 * through the same linker as crossings and village reports, against the registry and against the earlier rows of the
 * same list.
 * <ul>
 * <li>a row whose best candidate is a MATCH on strong evidence (the same document, or the complete birth date with
 * the name) is linked to that person, and fills only what the person's record lacks;</li>
 * <li>a doubtful row (a REVIEW, namesakes, or a possible duplicate of an earlier row of the list) waits in the review
 * queue as a case of kind {@link Kind#ROSTER}; the person an earlier row became is among its candidates;</li>
 * <li>a row like no one becomes a new person, each name and document cited with the row, the row's id kept as the
 * person's external reference;</li>
 * <li>a row that cannot be read (a bad date, an unknown nationality, village or permit type, no name) is refused and
 * given back, with its reason, as a file to fix ({@link #writeRefused}).</li>
 * </ul>
 * Each row is saved in a transaction of its own, so a refused or failing row loses nothing already saved. A file
 * imported before (by its SHA-256) adds nothing, and a row whose id an earlier import already took is left alone, so
 * that the corrected list can be imported again. Lists are the regency's data: only a user whose scope covers the
 * regency imports one.
 */
@Service
public class PersonLists {

	static final String CATEGORY = "OTHER";

	private final PersonListStore store;
	private final Matching matching;
	private final RegistryIndex registryIndex;
	private final MatchCases cases;
	private final Registry registry;
	private final ReferenceData reference;
	private final MatchingSettings settings;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final ImportSlots slots;
	private final ReentrantLock importing = new ReentrantLock();

	PersonLists(PersonListStore store, Matching matching, RegistryIndex registryIndex, MatchCases cases,
			Registry registry, ReferenceData reference, MatchingSettings settings, AuditTrail audit,
			ApplicationEventPublisher events, MessageSource messages, PlatformTransactionManager transactions,
			Clock clock, ImportSlots slots) {
		this.store = store;
		this.matching = matching;
		this.registryIndex = registryIndex;
		this.cases = cases;
		this.registry = registry;
		this.reference = reference;
		this.settings = settings;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.slots = slots;
	}

	/**
	 * An imported list and what became of its rows.
	 *
	 * @param finished false while the import runs, or when it broke off
	 * @param alreadyImported the file was imported before: this is that import, and nothing was added now
	 */
	public record ListSummary(long id, String fileName, String legalBasis, int read, int created, int linked,
			int review, int known, int refused, Instant createdAt, String createdBy, boolean finished,
			boolean alreadyImported) {

		ListSummary asAlreadyImported() {
			return new ListSummary(id, fileName, legalBasis, read, created, linked, review, known, refused, createdAt,
					createdBy, finished, true);
		}
	}

	/** A refused row: its number in the file, why (a message key and its argument), and its cells as they came. */
	public record RefusedRow(int rowNumber, String reasonKey, String argument, List<String> cells) {
	}

	/**
	 * @throws InvalidInput when the legal basis is missing
	 * @throws UnreadableFile when the file cannot be read as a list at all (not a table, no header, a required column
	 * missing, empty, too many rows), or when the user or the server has as many imports running as {@link ImportSlots}
	 * allows
	 */
	public ListSummary importList(ScopedPrincipal user, Path file, String fileName, String legalBasis) {
		try (ImportSlots.Slot slot = slots.take(user.getUsername())) {
			return importTaken(user, file, fileName, legalBasis);
		}
	}

	private ListSummary importTaken(ScopedPrincipal user, Path file, String fileName, String legalBasis) {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("lists of foreigners are imported regency-wide");
		}
		if (legalBasis == null || legalBasis.isBlank()) {
			throw InvalidInput.of("basis", "input.required");
		}
		if (legalBasis.strip().length() > 500) {
			throw InvalidInput.of("basis", "input.tooLong", 500);
		}
		String sha256 = sha256(file);
		Optional<ListSummary> earlier = store.bySha256(sha256);
		if (earlier.isPresent()) {
			return earlier.get().asAlreadyImported();
		}
		List<String> header = new ArrayList<>();
		List<PersonListRows.Result> results = read(file, fileName, header);
		importing.lock();
		try {
			earlier = store.bySha256(sha256);
			if (earlier.isPresent()) {
				return earlier.get().asAlreadyImported();
			}
			return load(user, fileName, legalBasis.strip(), sha256, header, results);
		}
		finally {
			importing.unlock();
		}
	}

	private List<PersonListRows.Result> read(Path file, String fileName, List<String> header) {
		List<PersonListRows.Result> results = new ArrayList<>();
		try (RowSource rows = RowSource.open(file, fileName)) {
			List<String> head = rows.next();
			if (head == null) {
				throw new UnreadableFile("import.empty", null);
			}
			header.addAll(head);
			Map<PersonListRows.Column, Integer> columns = PersonListRows.columnsOf(head);
			List<String> missing = PersonListRows.missing(columns);
			if (!missing.isEmpty()) {
				throw new UnreadableFile("personList.missingColumns", String.join(", ", missing));
			}
			PersonListRows reader = new PersonListRows(columns, checks());
			List<String> cells;
			int rowNumber = 1;
			while ((cells = rows.next()) != null) {
				rowNumber++;
				if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
					continue;
				}
				if (results.size() == PersonListRows.MAX_ROWS) {
					throw new UnreadableFile("personList.tooManyRows", Integer.toString(PersonListRows.MAX_ROWS));
				}
				results.add(reader.read(rowNumber, cells));
			}
		}
		catch (IOException e) {
			throw new UnreadableFile("import.unreadable", e.getClass().getSimpleName());
		}
		if (results.isEmpty()) {
			throw new UnreadableFile("import.empty", null);
		}
		return PersonListRows.refuseDuplicateIds(results);
	}

	private ListSummary load(ScopedPrincipal user, String fileName, String legalBasis, String sha256,
			List<String> header, List<PersonListRows.Result> results) {
		String actor = user.getUsername();
		long listId = transaction.execute(status -> store.create(fileName, legalBasis, header, actor,
				clock.instant()));
		Map<Integer, PersonListRow> taken = new HashMap<>();
		List<PersonListRows.Row> fresh = new ArrayList<>();
		for (PersonListRows.Result result : results) {
			PersonListRows.Row row = result.row();
			if (row == null) {
				continue;
			}
			Optional<PersonListRow> earlier = row.externalId() == null ? Optional.empty()
					: store.earlier(row.externalId());
			earlier.ifPresentOrElse(e -> taken.put(row.rowNumber(), e), () -> fresh.add(row));
		}
		RegistryIndex.Snapshot snapshot = registryIndex.current();
		List<LinkageRecord> records = fresh.stream().map(PersonLists::listRecord).toList();
		Matching.Scoring scoring = matching.scoring(snapshot, records.size(), sample -> sample.addAll(records),
				ModelStore.Source.VILLAGE, "PERSON_LIST", listId);
		Thresholds thresholds = scoring.linker().model().thresholds();
		PersonIndex listIndex = PersonIndex.build(records, scoring.linker());
		Map<Integer, Long> personOfRow = new HashMap<>();
		Map<String, Integer> counts = new HashMap<>();
		for (PersonListRows.Result result : results) {
			PersonListRows.Row row = result.row();
			String outcome;
			if (row == null) {
				transaction.executeWithoutResult(status -> store.insertRefused(listId, result.refusal()));
				outcome = "REFUSED";
			}
			else if (taken.containsKey(row.rowNumber())) {
				Long person = taken.get(row.rowNumber()).personId();
				transaction.executeWithoutResult(status -> store.insert(listId, row, "KNOWN", person, null));
				outcome = "KNOWN";
			}
			else {
				outcome = match(user, listId, row, snapshot.index(), scoring, thresholds, listIndex, personOfRow);
			}
			counts.merge(outcome, 1, Integer::sum);
		}
		ListSummary summary = new ListSummary(listId, fileName, legalBasis, results.size(),
				counts.getOrDefault("CREATED", 0), counts.getOrDefault("LINKED", 0), counts.getOrDefault("REVIEW", 0),
				counts.getOrDefault("KNOWN", 0), counts.getOrDefault("REFUSED", 0), null, actor, true, false);
		transaction.executeWithoutResult(status -> {
			store.finish(listId, sha256, summary, clock.instant());
			audit.recordAs(actor, AuditEntry.of("PERSONS_IMPORTED").subject("PERSON_LIST", listId)
					.text("file", fileName).detail("basis", legalBasis).detail("rows", summary.read())
					.detail("created", summary.created()).detail("linked", summary.linked())
					.detail("review", summary.review()).detail("known", summary.known())
					.detail("refused", summary.refused()));
		});
		return store.find(listId).orElseThrow();
	}

	/**
	 * A row against the registry (as it was when the import began) and against the earlier rows of the list; a row
	 * the registry refuses after all (a check the list's reader does not make) is refused, not the import.
	 */
	private String match(ScopedPrincipal user, long listId, PersonListRows.Row row, PersonIndex persons,
			Matching.Scoring scoring, Thresholds thresholds, PersonIndex listIndex, Map<Integer, Long> personOfRow) {
		LinkageRecord record = listRecord(row);
		Matching.Evaluation evaluation = matching.evaluate(List.of(record), persons, scoring);
		List<Comparison> duplicates = listIndex.compare(record, scoring.linker()).stream()
				.filter(c -> Integer.parseInt(c.personId()) < row.rowNumber())
				.filter(c -> c.probability() >= thresholds.review())
				.sorted(Comparator.comparingDouble(Comparison::matchWeight).reversed()).toList();
		try {
			return transaction.execute(status -> take(user, listId, row, evaluation, duplicates, personOfRow));
		}
		catch (InvalidInput invalid) {
			InvalidInput.Problem problem = invalid.problems().get(0);
			transaction.executeWithoutResult(status -> store.insertRefused(listId, row.refused(problem.messageKey(),
					problem.arguments().length == 0 ? problem.field() : String.valueOf(problem.arguments()[0]))));
			return "REFUSED";
		}
	}

	/** One row, in its own transaction: linked, waiting for review, or a new person. */
	private String take(ScopedPrincipal user, long listId, PersonListRows.Row row, Matching.Evaluation evaluation,
			List<Comparison> duplicates, Map<Integer, Long> personOfRow) {
		Instant now = clock.instant();
		ListedPerson listed = listed(listId, row);
		if (!duplicates.isEmpty()) {
			int duplicateOf = Integer.parseInt(duplicates.get(0).personId());
			long rowId = store.insert(listId, row, "REVIEW", null, duplicateOf);
			List<Candidate> candidates = withEarlierRows(evaluation.candidates(), duplicates, personOfRow);
			Double score = candidates.isEmpty() ? duplicates.get(0).probability() : candidates.get(0).probability();
			cases.propose(Kind.ROSTER, rowId, null, row.fullName(), Decision.REVIEW, false, State.PENDING, null,
					score, candidates, now);
			return "REVIEW";
		}
		switch (evaluation.decision()) {
			case MATCH -> {
				long personId = evaluation.bestPersonId();
				long rowId = store.insert(listId, row, "LINKED", personId, null);
				registry.addFromList(user, personId, listed);
				cases.propose(Kind.ROSTER, rowId, null, row.fullName(), Decision.MATCH, false, State.LINKED, personId,
						evaluation.bestProbability(), evaluation.candidates(), now);
				events.publishEvent(new PersonLinked(Kind.ROSTER.name(), rowId, personId, true));
				personOfRow.put(row.rowNumber(), personId);
				return "LINKED";
			}
			case REVIEW -> {
				long rowId = store.insert(listId, row, "REVIEW", null, null);
				cases.propose(Kind.ROSTER, rowId, null, row.fullName(), Decision.REVIEW,
						evaluation.result().namesakes(), State.PENDING, null, evaluation.bestProbability(),
						evaluation.candidates(), now);
				return "REVIEW";
			}
			default -> {
				PersonRef person = registry.registerFromList(user, listed, CATEGORY, null);
				store.insert(listId, row, "CREATED", person.id(), null);
				personOfRow.put(row.rowNumber(), person.id());
				return "CREATED";
			}
		}
	}

	/**
	 * The registry's candidates with the persons that earlier rows of the list it resembles became, each person once
	 * with its best comparison, best first.
	 */
	private List<Candidate> withEarlierRows(List<Candidate> fromRegistry, List<Comparison> duplicates,
			Map<Integer, Long> personOfRow) {
		Map<Long, Candidate> byPerson = new LinkedHashMap<>();
		fromRegistry.forEach(c -> byPerson.put(c.personId(), c));
		for (Comparison duplicate : duplicates) {
			Long person = personOfRow.get(Integer.parseInt(duplicate.personId()));
			if (person != null) {
				byPerson.merge(person, Candidate.of(person, 0, duplicate),
						(a, b) -> a.matchWeight() >= b.matchWeight() ? a : b);
			}
		}
		List<Candidate> ranked = new ArrayList<>(byPerson.values());
		ranked.sort(Comparator.comparingDouble(Candidate::matchWeight).reversed());
		List<Candidate> shown = new ArrayList<>();
		for (int i = 0; i < Math.min(settings.candidatesShown(), ranked.size()); i++) {
			shown.add(ranked.get(i).ranked(i + 1));
		}
		return shown;
	}

	/** The row as the linker reads it; its id is the row's number, to tell earlier rows from later ones. */
	private static LinkageRecord listRecord(PersonListRows.Row row) {
		return new LinkageRecord(Integer.toString(row.rowNumber()), row.fullName(),
				row.sex() == null ? null : row.sex().name(), row.birth(), row.nationality(), row.documentNumber());
	}

	private static ListedPerson listed(long listId, PersonListRows.Row row) {
		return new ListedPerson(row.externalId(), row.fullName(), row.sex(), row.birth(), row.nationality(),
				row.documentNumber(), row.villageCode(), row.permitType(), row.permitUntil(),
				PersonListRow.sourceRef(listId, row.rowNumber()));
	}

	private PersonListRows.Checks checks() {
		Map<String, String> memo = new HashMap<>();
		Function<String, String> nationalities = text -> {
			String code = memo.computeIfAbsent(text.strip().toUpperCase(Locale.ROOT),
					key -> Optional.ofNullable(reference.resolveNationality(text).alpha3()).orElse(""));
			return code.isEmpty() ? null : code;
		};
		return new PersonListRows.Checks(nationalities,
				code -> reference.region(code).map(Region::isVillage).orElse(false),
				code -> reference.permitTypes().stream().anyMatch(t -> t.code().equals(code)),
				LocalDate.ofInstant(clock.instant(), DisplayTime.ZONE));
	}

	public Optional<ListSummary> find(long id) {
		return store.find(id);
	}

	public List<ListSummary> recent() {
		return store.recent(20);
	}

	public List<RefusedRow> refused(long listId) {
		return store.refused(listId);
	}

	/** The row of a list behind a review case, for the review screen. */
	public Optional<PersonListRow> row(long rowId) {
		return store.row(rowId);
	}

	/**
	 * The refused rows of a list as a CSV file to fix and import again: the list's own columns, then {@code alasan},
	 * the reason in Indonesian. Every cell is guarded against running as a formula in a spreadsheet.
	 */
	public void writeRefused(long listId, Writer out) throws IOException {
		List<String> header = new ArrayList<>(store.header(listId));
		header.add("alasan");
		out.write(Csv.safeLine(header));
		out.write("\r\n");
		Locale indonesian = Locale.forLanguageTag("id");
		for (RefusedRow row : store.refused(listId)) {
			List<String> cells = new ArrayList<>(row.cells());
			while (cells.size() < header.size() - 1) {
				cells.add("");
			}
			cells = new ArrayList<>(cells.subList(0, header.size() - 1));
			cells.add(messages.getMessage("personList.refusedRow", new Object[] { row.rowNumber(),
					messages.getMessage(row.reasonKey(), new Object[] { row.argument() }, row.reasonKey(), indonesian) },
					indonesian));
			out.write(Csv.safeLine(cells));
			out.write("\r\n");
		}
	}

	static String sha256(Path file) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
