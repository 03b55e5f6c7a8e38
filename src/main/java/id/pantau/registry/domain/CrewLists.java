package id.pantau.registry.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.ImportSlots;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.platform.tables.Csv;
import id.pantau.platform.tables.RowSource;
import id.pantau.platform.tables.UnreadableFile;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.Category;
import id.pantau.registry.CrewListResult;
import id.pantau.registry.CrewListUpload;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonsChanged;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.VesselStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a vessel's crew list (CSV or the first sheet of an XLSX) into the crew assignments of the registry, all or
 * nothing. Each member is found by the key of their document number, among the active persons whose nationality is
 * the list's or unknown; one not found is registered (category crew, name from a crossing document). On arrival each
 * member signs on the vessel on the list's date (one already signed on stays so); on departure their open service on
 * the vessel is signed off (or, when the arrival was never recorded, a service that ended that day is recorded).
 * <p>
 * A list with any refused row (or a member whose document matches several persons, or who would sign off before
 * signing on) changes nothing, and says why for every row. An imported list is recorded in the registry's own
 * {@code crew_list_import} with its SHA-256 (of the file with the list's direction and date), so the same file imported
 * again for the same day and direction adds nothing; and importing the same crew again changes nothing either (a
 * member already signed on, or already signed off that day, stays as recorded). Crew lists are the regency's
 * data: only a user whose scope is the regency or wider imports them.
 */
@Service
public class CrewLists {

	static final int MAX_ROWS = 2_000;

	private final Persons persons;
	private final VesselRegistry vessels;
	private final ReferenceData reference;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ImportSlots slots;

	CrewLists(Persons persons, VesselRegistry vessels, ReferenceData reference, JdbcClient jdbc,
			PlatformTransactionManager transactions, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			ImportSlots slots) {
		this.persons = persons;
		this.vessels = vessels;
		this.reference = reference;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.slots = slots;
	}

	/**
	 * @throws InvalidInput when the form is incomplete (vessel, direction, date, legal basis, origin)
	 * @throws UnreadableFile when the file cannot be read as a crew list at all, or when the user or the server has as
	 * many imports running as {@link ImportSlots} allows
	 */
	public CrewListResult importList(ScopedPrincipal user, CrewListUpload upload, Path file) {
		try (ImportSlots.Slot slot = slots.take(user.getUsername())) {
			return importTaken(user, upload, file);
		}
	}

	private CrewListResult importTaken(ScopedPrincipal user, CrewListUpload upload, Path file) {
		if (!user.scope().coversUnplaced()) {
			throw new AccessDeniedException("crew lists are imported regency-wide");
		}
		check(upload);
		String sha256 = sha256(file, upload.direction() + " " + upload.date());
		Optional<CrewListResult> earlier = earlier(sha256);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		List<String> header;
		List<CrewListRows.Result> results = new ArrayList<>();
		try (RowSource rows = RowSource.open(file)) {
			header = rows.next();
			if (header == null) {
				throw new UnreadableFile("import.empty", null);
			}
			Map<CrewListRows.Column, Integer> columns = CrewListRows.columnsOf(header);
			List<String> missing = CrewListRows.missing(columns);
			if (!missing.isEmpty()) {
				throw new UnreadableFile("crewList.missingColumns", String.join(", ", missing));
			}
			CrewListRows reader = new CrewListRows(columns, nationalities(),
					LocalDate.ofInstant(clock.instant(), DisplayTime.ZONE));
			List<String> cells;
			int rowNumber = 1;
			while ((cells = rows.next()) != null) {
				rowNumber++;
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (results.size() == MAX_ROWS) {
					throw new UnreadableFile("crewList.tooManyRows", Integer.toString(MAX_ROWS));
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
		results = CrewListRows.refuseDuplicates(results);
		List<CrewListResult.Refusal> refused = results.stream().map(CrewListRows.Result::refusal)
				.filter(r -> r != null).toList();
		if (!refused.isEmpty()) {
			return CrewListResult.refused(results.size(), refused);
		}
		List<CrewListRows.Member> members = results.stream().map(CrewListRows.Result::member).toList();
		try {
			return transaction.execute(status -> {
				CrewListResult result = load(user, upload, sha256, Csv.line(header), members);
				if (!result.imported()) {
					status.setRollbackOnly();
				}
				return result;
			});
		}
		catch (DuplicateKeyException concurrent) {
			return earlier(sha256).orElseThrow(() -> concurrent);
		}
	}

	private void check(CrewListUpload upload) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		if (upload.vesselId() == null && (upload.newVesselName() == null || upload.newVesselName().isBlank())) {
			problems.add(new InvalidInput.Problem("vessel", "crewList.vesselRequired"));
		}
		else if (upload.vesselId() != null && vessels.find(upload.vesselId()).isEmpty()) {
			problems.add(new InvalidInput.Problem("vessel", "input.choice"));
		}
		else if (upload.vesselId() == null && upload.newVesselName().strip().length() > 120) {
			problems.add(new InvalidInput.Problem("vessel", "input.tooLong", 120));
		}
		if (upload.direction() == null) {
			problems.add(new InvalidInput.Problem("direction", "input.required"));
		}
		if (upload.date() == null) {
			problems.add(new InvalidInput.Problem("date", "input.required"));
		}
		if (upload.legalBasis() == null || upload.legalBasis().isBlank()) {
			problems.add(new InvalidInput.Problem("basis", "input.required"));
		}
		if (upload.origin() == null || upload.origin().isBlank()) {
			problems.add(new InvalidInput.Problem("origin", "input.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private CrewListResult load(ScopedPrincipal user, CrewListUpload upload, String sha256, String header,
			List<CrewListRows.Member> members) {
		String actor = user.getUsername();
		Instant now = clock.instant();
		long vesselId = upload.vesselId() != null ? upload.vesselId()
				: vessels.add(upload.newVesselName(), null, null, null, null, VesselStatus.ACTIVE, null).getId();
		boolean arrival = upload.direction() == CrewListUpload.Direction.ARRIVAL;
		List<CrewListResult.Refusal> refused = new ArrayList<>();
		List<Person> changed = new ArrayList<>();
		List<Boolean> isNew = new ArrayList<>();
		int newPersons = 0;
		int signedOn = 0;
		int signedOff = 0;
		int unchanged = 0;
		for (CrewListRows.Member member : members) {
			List<Long> matches = holders(member);
			if (matches.size() > 1) {
				refused.add(new CrewListResult.Refusal(member.rowNumber(), "crewList.row.ambiguous",
						member.documentNumber(), member.raw()));
				continue;
			}
			Person person;
			if (matches.isEmpty()) {
				person = Person.register(new Person.Identity(member.name(), member.sex(), member.birth(),
						member.nationality(), null, Category.CREW, null), NameSource.CROSSING, actor, now);
				person.addDocument(member.documentType(), member.documentNumber(), member.nationality(), null, actor,
						now);
				newPersons++;
			}
			else {
				person = persons.findById(matches.get(0)).orElseThrow();
				person.addName(member.name(), NameSource.CROSSING, actor, now);
			}
			if (arrival) {
				if (person.openAssignment(vesselId).isPresent()) {
					unchanged++;
				}
				else {
					person.assignToVessel(vesselId, member.rank(), upload.date(), null, actor, now);
					signedOn++;
				}
			}
			else if (person.openAssignment(vesselId).isEmpty() && person.getVesselAssignments().stream()
					.anyMatch(a -> a.vesselId() == vesselId && upload.date().equals(a.signedOff()))) {
				unchanged++;
			}
			else {
				try {
					person.signOff(vesselId, member.rank(), upload.date(), actor, now);
					signedOff++;
				}
				catch (IllegalArgumentException beforeSigningOn) {
					refused.add(new CrewListResult.Refusal(member.rowNumber(), "crewList.row.offBeforeOn",
							person.openAssignment(vesselId).map(a -> DisplayTime.DAY.format(a.signedOn())).orElse(""),
							member.raw()));
					continue;
				}
			}
			changed.add(person);
			isNew.add(person.getId() == null);
		}
		if (!refused.isEmpty()) {
			return CrewListResult.refused(members.size(), refused);
		}
		long batchId = jdbc.sql("""
				insert into crew_list_import (file_name, sha256, legal_basis, origin, header, rows_read, rows_added,
				  rows_known, created_at, created_by)
				values (:file, :sha, :basis, :origin, :header, :read, :added, :known, :now, :actor)
				returning id""")
				.param("file", upload.fileName()).param("sha", sha256)
				.param("basis", upload.legalBasis().strip()).param("origin", upload.origin().strip())
				.param("header", header).param("read", members.size()).param("added", newPersons)
				.param("known", members.size() - newPersons).param("now", Timestamp.from(now)).param("actor", actor)
				.query(Long.class).single();
		List<Long> changedIds = new ArrayList<>(changed.size());
		for (int i = 0; i < changed.size(); i++) {
			Person person = persons.save(changed.get(i));
			changedIds.add(person.getId());
			audit.record(AuditEntry.of(isNew.get(i) ? "PERSON_CREATED" : "PERSON_VESSEL_ASSIGNED")
					.subject("PERSON", person.getId()).region(person.getRegionCode()).detail("crewList", batchId));
		}
		if (!changedIds.isEmpty()) {
			events.publishEvent(new PersonsChanged(changedIds, "CREW_LIST_IMPORTED"));
		}
		audit.record(AuditEntry.of("CREW_LIST_IMPORTED").subject("CREW_LIST", batchId)
				.detail("vessel", vesselId).detail("direction", upload.direction()).detail("date", upload.date())
				.text("file", upload.fileName()).detail("basis", upload.legalBasis()).detail("origin", upload.origin())
				.detail("rows", members.size()).detail("newPersons", newPersons).detail("signedOn", signedOn)
				.detail("signedOff", signedOff).detail("unchanged", unchanged));
		return new CrewListResult(batchId, false, vesselId, members.size(), newPersons, members.size() - newPersons,
				signedOn, signedOff, unchanged, List.of());
	}

	/** The active persons holding the member's document whose nationality is the member's or unknown. */
	private List<Long> holders(CrewListRows.Member member) {
		return jdbc.sql("""
				select distinct p.id from travel_document d join person p on p.id = d.person_id
				where d.number_key = :key and p.status <> :merged
				  and (p.nationality is null or p.nationality = :nationality)""")
				.param("key", member.documentKey()).param("merged", PersonStatus.MERGED.name())
				.param("nationality", member.nationality()).query(Long.class).list();
	}

	private Optional<CrewListResult> earlier(String sha256) {
		return jdbc.sql("""
				select id, rows_read, rows_added, rows_known from crew_list_import where sha256 = :sha""")
				.param("sha", sha256)
				.query((rs, n) -> new CrewListResult(rs.getLong("id"), true, null, rs.getInt("rows_read"),
						rs.getInt("rows_added"), rs.getInt("rows_known"), 0, 0, 0, List.of()))
				.optional();
	}

	/** A nationality as written to its alpha-3 code, or null; each spelling looked up once per list. */
	private Function<String, String> nationalities() {
		Map<String, String> memo = new HashMap<>();
		return text -> {
			String code = memo.computeIfAbsent(text.strip().toUpperCase(Locale.ROOT),
					key -> Optional.ofNullable(reference.resolveNationality(text).alpha3()).orElse(""));
			return code.isEmpty() ? null : code;
		};
	}

	/**
	 * The SHA-256 of the file followed by what the form says of it. A crew list rarely says itself whether it is the
	 * arrival's or the departure's, or of which day: the same spreadsheet sent at arrival and again at departure is
	 * two lists, the same file uploaded twice for the same day and direction is one.
	 */
	static String sha256(Path file, String context) {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
				MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			MessageDigest digest = in.getMessageDigest();
			digest.update(("\n" + context).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
