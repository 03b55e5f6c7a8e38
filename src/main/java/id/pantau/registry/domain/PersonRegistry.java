package id.pantau.registry.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.platform.InvalidInput;
import id.pantau.platform.NotFoundException;
import id.pantau.platform.ScopedPrincipal;
import id.pantau.reference.RegionLevel;
import id.pantau.reference.ReferenceData;
import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.ListedPerson;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonForm;
import id.pantau.registry.PersonsChanged;
import id.pantau.registry.ReportedPerson;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Sex;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, reading, changing and merging persons, within the user's scope and on the audit trail. A person is
 * visible to a user whose scope covers the village of the person's current residence; reading a person's record is
 * itself audited.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonRegistry {

	private final Persons persons;
	private final Vessels vessels;
	private final ReferenceData reference;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	@Transactional
	public Person register(ScopedPrincipal user, PersonForm form) {
		PersonInput input = input();
		Person.Identity identity = identity(input, form);
		NameSource source = Optional.ofNullable(input.choice("nameSource", NameSource.class, form.nameSource(), false))
				.orElse(NameSource.OFFICER);
		String village = village(input, user, form.villageCode());
		String address = input.optional("address", form.address(), 300);
		LocalDate since = input.date("residentSince", form.residentSince());
		String documentNumber = input.optional("documentNumber", form.documentNumber(), 40);
		DocumentType documentType = input.choice("documentType", DocumentType.class, form.documentType(),
				documentNumber != null);
		String issuingState = input.nationality("documentIssuingState", form.documentIssuingState());
		LocalDate expiry = input.date("documentExpiry", form.documentExpiry());
		String permitType = permitType(input, form.permitType());
		String permitNumber = input.optional("permitNumber", form.permitNumber(), 60);
		LocalDate permitUntil = input.date("permitValidUntil", form.permitValidUntil());
		input.check();

		var now = clock.instant();
		Person person = Person.register(identity, source, user.getUsername(), now);
		if (documentNumber != null) {
			person.addDocument(documentType, documentNumber, issuingState, expiry, user.getUsername(), now);
		}
		if (permitType != null) {
			person.addPermit(permitType, permitNumber, null, permitUntil, null, user.getUsername(), now);
		}
		if (village != null) {
			person.moveTo(village, address, since, user.getUsername(), now);
		}
		persons.save(person);
		audit.record(AuditEntry.of("PERSON_CREATED").subject("PERSON", person.getId()).region(person.getRegionCode()));
		events.publishEvent(PersonsChanged.of(person.getId(), "PERSON_CREATED"));
		return person;
	}

	/**
	 * Registers the person a village report tells of, keeping everything the village wrote: every name as heard
	 * (the first as the main name), each document with its kind, the birth date or year, the nationality as
	 * claimed (not as documented), the village and since when as the residence, a registered vessel named as the
	 * crew service, and the rest in the notes with the report's number.
	 */
	@Transactional
	public Person registerFromReport(ScopedPrincipal user, ReportedPerson reported, String category) {
		List<String> names = ReportedFacts.names(reported.namesAsHeard());
		if (names.isEmpty()) {
			throw InvalidInput.of("namesAsHeard", "name.noLetters");
		}
		List<ReportedFacts.Document> documents = ReportedFacts.documents(reported.documentNumbers());
		LocalDate since = ReportedFacts.date(reported.presentSince());
		ReportedFacts.Document first = documents.isEmpty() ? null : documents.get(0);
		Person person = register(user, new PersonForm(names.get(0), NameSource.VILLAGE_REPORT.name(),
				blankIfNull(reported.sex()), birthText(reported.ageOrBirth()), "",
				blankIfNull(reported.claimedNationality()), category == null || category.isBlank() ? "OTHER" : category,
				ReportedFacts.notes(reported), first == null ? "" : first.type().name(),
				first == null ? "" : first.number(), "", "", "", "", "", reported.villageCode(),
				blankIfNull(reported.stayingAt()), since == null ? "" : since.toString()));
		person.citeAll(NameSource.VILLAGE_REPORT, reported.reportNumber());
		persons.save(person);
		addReported(user, person, reported, "PERSON_ADDED_FROM_REPORT");
		return person;
	}

	/**
	 * Adds to a known person what a village report tells that the registry did not know yet (names, documents, sex,
	 * birth, claimed nationality, a first residence, crew service on a registered vessel), as entries from the
	 * report; nothing already recorded is changed.
	 */
	@Transactional
	public Person addFromReport(ScopedPrincipal user, long id, ReportedPerson reported) {
		Person person = visible(user, id);
		if (person.getStatus() == PersonStatus.MERGED) {
			throw InvalidInput.of("personId", "person.merged", person.getMergedInto());
		}
		addReported(user, person, reported, "PERSON_ADDED_FROM_REPORT");
		return person;
	}

	private void addReported(ScopedPrincipal user, Person person, ReportedPerson reported, String action) {
		var now = clock.instant();
		int added = 0;
		for (String name : ReportedFacts.names(reported.namesAsHeard())) {
			if (person.addName(name, NameSource.VILLAGE_REPORT, reported.reportNumber(), user.getUsername(), now)) {
				added++;
			}
		}
		for (ReportedFacts.Document document : ReportedFacts.documents(reported.documentNumbers())) {
			String key = NameKeys.documentKey(document.number());
			if (person.getDocuments().stream().noneMatch(d -> d.numberKey().equals(key))) {
				person.addDocument(document.type(), document.number(), null, null, reported.reportNumber(),
						user.getUsername(), now);
				added++;
			}
		}
		added += person.fillGaps(sex(reported.sex()), birth(reported.ageOrBirth()), reported.claimedNationality(),
				reported.villageCode(), ReportedFacts.date(reported.presentSince()), user.getUsername(), now);
		Optional<Vessel> vessel = vesselNamed(reported.employerOrVessel());
		if (vessel.isPresent() && person.getVesselAssignments().stream()
				.noneMatch(a -> vessel.get().getId().equals(a.vesselId()))) {
			person.assignToVessel(vessel.get().getId(), "ABK", ReportedFacts.date(reported.presentSince()), null,
					user.getUsername(), now);
			added++;
		}
		if (added == 0) {
			return;
		}
		persons.save(person);
		audit.record(AuditEntry.of(action).subject("PERSON", person.getId()).region(person.getRegionCode())
				.detail("report", reported.reportNumber()).detail("added", added));
		events.publishEvent(PersonsChanged.of(person.getId(), action));
	}

	/**
	 * Registers a person from a row of an imported list (Kesbangpol's existing list): the name, documented
	 * nationality, document and permit as the list gives them, each name and document cited with the row, and the
	 * row's id kept as the person's external reference.
	 *
	 * @param villageCode the village a reviewer chose, or null for the list's own
	 */
	@Transactional
	public Person registerFromList(ScopedPrincipal user, ListedPerson listed, String category, String villageCode) {
		String village = villageCode == null || villageCode.isBlank() ? listed.villageCode() : villageCode;
		Person person = register(user, new PersonForm(listed.fullName(), NameSource.PERSON_LIST.name(),
				listed.sex() == null ? "" : listed.sex().name(), listed.birth().text(), blankIfNull(listed.nationality()),
				"", category == null || category.isBlank() ? "OTHER" : category, "",
				listed.documentNumber() == null ? "" : "PASSPORT", blankIfNull(listed.documentNumber()), "", "",
				blankIfNull(listed.permitType()), "", listed.permitUntil() == null ? "" : listed.permitUntil().toString(),
				blankIfNull(village), "", ""));
		person.citeAll(NameSource.PERSON_LIST, listed.sourceRef());
		person.fillExternalRef(listed.externalId(), user.getUsername(), clock.instant());
		persons.save(person);
		return person;
	}

	/**
	 * Adds to a known person what a row of an imported list tells that the registry did not know yet (the name as an
	 * alias, a document, sex, birth, nationality as claimed when none is recorded, a first residence, a permit, the
	 * row's id as external reference), each entry cited with the row; nothing already recorded is changed.
	 */
	@Transactional
	public Person addFromList(ScopedPrincipal user, long id, ListedPerson listed) {
		Person person = visible(user, id);
		if (person.getStatus() == PersonStatus.MERGED) {
			throw InvalidInput.of("personId", "person.merged", person.getMergedInto());
		}
		var now = clock.instant();
		String actor = user.getUsername();
		int added = 0;
		if (listed.fullName() != null && person.addName(listed.fullName(), NameSource.PERSON_LIST, listed.sourceRef(),
				actor, now)) {
			added++;
		}
		if (listed.documentNumber() != null) {
			String key = NameKeys.documentKey(listed.documentNumber());
			if (!key.isEmpty() && person.getDocuments().stream().noneMatch(d -> d.numberKey().equals(key))) {
				person.addDocument(DocumentType.PASSPORT, listed.documentNumber(), null, null, listed.sourceRef(), actor,
						now);
				added++;
			}
		}
		added += person.fillGaps(listed.sex(), listed.birth(),
				person.getNationality() == null ? listed.nationality() : null, listed.villageCode(), null, actor, now);
		if (listed.permitType() != null && !person.hasPermit(listed.permitType(), listed.permitUntil())) {
			person.addPermit(listed.permitType(), null, null, listed.permitUntil(), null, actor, now);
			added++;
		}
		if (person.fillExternalRef(listed.externalId(), actor, now)) {
			added++;
		}
		if (added == 0) {
			return person;
		}
		persons.save(person);
		audit.record(AuditEntry.of("PERSON_ADDED_FROM_LIST").subject("PERSON", person.getId())
				.region(person.getRegionCode()).detail("row", listed.sourceRef()).detail("added", added));
		events.publishEvent(PersonsChanged.of(person.getId(), "PERSON_ADDED_FROM_LIST"));
		return person;
	}

	/**
	 * Takes back the aliases, documents and list id that a row of an imported list brought to a person, when the
	 * row's link to the person is undone. What filled an empty field (sex, birth, a first village, a permit) cannot be
	 * told from what was known and stays.
	 */
	@Transactional
	public Person withdrawFromList(ScopedPrincipal user, long id, String sourceRef, String externalId) {
		Person person = visible(user, id);
		if (person.getStatus() == PersonStatus.MERGED) {
			return person;
		}
		int withdrawn = person.withdraw(sourceRef, externalId, user.getUsername(), clock.instant());
		if (withdrawn > 0) {
			persons.save(person);
			audit.record(AuditEntry.of("PERSON_LIST_FACTS_WITHDRAWN").subject("PERSON", id)
					.region(person.getRegionCode()).detail("row", sourceRef).detail("withdrawn", withdrawn));
			events.publishEvent(PersonsChanged.of(id, "PERSON_LIST_FACTS_WITHDRAWN"));
		}
		return person;
	}

	/** A registered vessel the village named, ignoring case, spacing and a prefix such as KM, KMN or MV. */
	private Optional<Vessel> vesselNamed(String text) {
		String wanted = vesselKey(text);
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		return vessels.findAllByOrderByName().stream().filter(v -> vesselKey(v.getName()).equals(wanted)).findFirst();
	}

	private static String vesselKey(String name) {
		if (name == null) {
			return "";
		}
		return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9 ]", " ").strip()
				.replaceFirst("^(KM|KMN|KAPAL|MV|FV|MT)\\s+", "").replaceAll("\\s+", " ");
	}

	private BirthDate birth(String ageOrBirth) {
		try {
			return BirthDate.parse(ageOrBirth, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		}
		catch (IllegalArgumentException notADate) {
			return BirthDate.UNKNOWN;
		}
	}

	private static Sex sex(String code) {
		try {
			return code == null || code.isBlank() ? null : Sex.valueOf(code.strip());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	private String birthText(String ageOrBirth) {
		if (ageOrBirth == null || ageOrBirth.isBlank()) {
			return "";
		}
		try {
			return BirthDate.parse(ageOrBirth, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).text();
		}
		catch (IllegalArgumentException notADate) {
			return "";
		}
	}

	private static String blankIfNull(String value) {
		return value == null ? "" : value;
	}

	/** A person's record, for the user to look at; the look is audited. */
	@Transactional
	public Person view(ScopedPrincipal user, long id) {
		Person person = visible(user, id);
		audit.record(AuditEntry.of("PERSON_VIEWED").subject("PERSON", id).region(person.getRegionCode()));
		return person;
	}

	/** A person's record, for a change or a form; not audited as a view. */
	@Transactional(readOnly = true)
	public Person visible(ScopedPrincipal user, long id) {
		return seen(user, id).orElseThrow(() -> new NotFoundException("person " + id));
	}

	/** The person, if it exists and the user may see it; an answer, not a refusal, so no transaction is spoilt. */
	@Transactional(readOnly = true)
	public Optional<Person> seen(ScopedPrincipal user, long id) {
		return persons.findById(id).filter(person -> user.scope().sees(person.getRegionCode()));
	}

	@Transactional
	public Person update(ScopedPrincipal user, long id, int version, PersonForm form) {
		Person person = current(user, id, version);
		PersonInput input = input();
		Person.Identity identity = identity(input, form);
		input.check();
		person.update(identity, user.getUsername(), clock.instant());
		return saved(person, "PERSON_UPDATED");
	}

	@Transactional
	public Person addName(ScopedPrincipal user, long id, int version, String name, String sourceText) {
		Person person = current(user, id, version);
		PersonInput input = input();
		String fullName = input.required("name", name, 200);
		NameSource source = input.choice("source", NameSource.class, sourceText, true);
		input.check();
		if (!person.addName(fullName, source, user.getUsername(), clock.instant())) {
			throw InvalidInput.of("name", "name.known");
		}
		return saved(person, "PERSON_NAME_ADDED");
	}

	@Transactional
	public Person addDocument(ScopedPrincipal user, long id, int version, String typeText, String number,
			String issuingStateText, String expiryText) {
		Person person = current(user, id, version);
		PersonInput input = input();
		DocumentType type = input.choice("documentType", DocumentType.class, typeText, true);
		String value = input.required("documentNumber", number, 40);
		String state = input.nationality("documentIssuingState", issuingStateText);
		LocalDate expiry = input.date("documentExpiry", expiryText);
		input.check();
		person.addDocument(type, value, state, expiry, user.getUsername(), clock.instant());
		return saved(person, "PERSON_DOCUMENT_ADDED");
	}

	@Transactional
	public Person addPermit(ScopedPrincipal user, long id, int version, String typeText, String number,
			String fromText, String untilText, String sponsor) {
		Person person = current(user, id, version);
		PersonInput input = input();
		String type = permitType(input, typeText);
		if (type == null) {
			input.problem("permitType", "input.required");
		}
		String permitNumber = input.optional("permitNumber", number, 60);
		LocalDate from = input.date("permitValidFrom", fromText);
		LocalDate until = input.date("permitValidUntil", untilText);
		if (from != null && until != null && from.isAfter(until)) {
			input.problem("permitValidUntil", "permit.untilBeforeFrom");
		}
		String sponsorName = input.optional("sponsor", sponsor, 200);
		input.check();
		person.addPermit(type, permitNumber, from, until, sponsorName, user.getUsername(), clock.instant());
		return saved(person, "PERSON_PERMIT_ADDED");
	}

	/** A move to another village; the person then becomes visible there and no longer in the old village. */
	@Transactional
	public Person moveTo(ScopedPrincipal user, long id, int version, String villageCode, String address,
			String sinceText) {
		Person person = current(user, id, version);
		PersonInput input = input();
		String village = village(input, user, villageCode);
		if (village == null) {
			input.problem("villageCode", "input.required");
		}
		String street = input.optional("address", address, 300);
		LocalDate since = input.date("residentSince", sinceText);
		input.check();
		String from = person.getRegionCode();
		person.moveTo(village, street, since, user.getUsername(), clock.instant());
		persons.save(person);
		audit.record(AuditEntry.of("PERSON_MOVED").subject("PERSON", id).region(village).detail("from", from));
		events.publishEvent(PersonsChanged.of(id, "PERSON_MOVED"));
		return person;
	}

	@Transactional
	public Person assignToVessel(ScopedPrincipal user, long id, int version, Long vesselId, String role,
			String signedOnText, String signedOffText) {
		Person person = current(user, id, version);
		PersonInput input = input();
		if (vesselId == null || !vessels.existsById(vesselId)) {
			input.problem("vesselId", "input.required");
		}
		String crewRole = input.optional("crewRole", role, 60);
		LocalDate on = input.date("signedOn", signedOnText);
		LocalDate off = input.date("signedOff", signedOffText);
		input.check();
		person.assignToVessel(vesselId, crewRole, on, off, user.getUsername(), clock.instant());
		return saved(person, "PERSON_VESSEL_ASSIGNED");
	}

	@Transactional
	public Person linkIdentity(ScopedPrincipal user, long id, int version, String kindText, String value,
			String notes) {
		Person person = current(user, id, version);
		PersonInput input = input();
		IdentityLinkKind kind = input.choice("kind", IdentityLinkKind.class, kindText, true);
		String linked = input.required("value", value, 40);
		if (kind == IdentityLinkKind.NIK && linked != null && !linked.replaceAll("\\s", "").matches("\\d{16}")) {
			input.problem("value", "nik.format");
		}
		String note = input.optional("notes", notes, 300);
		input.check();
		person.linkIdentity(kind, linked, note, user.getUsername(), clock.instant());
		return saved(person, "PERSON_IDENTITY_LINKED");
	}

	@Transactional
	public Person flag(ScopedPrincipal user, long id, int version, String flagText, String sinceText, String notes) {
		Person person = current(user, id, version);
		PersonInput input = input();
		HumanitarianFlag flag = input.choice("flag", HumanitarianFlag.class, flagText, true);
		LocalDate since = input.date("since", sinceText);
		String note = input.optional("notes", notes, 300);
		input.check();
		person.flag(flag, since, note, user.getUsername(), clock.instant());
		return saved(person, "PERSON_FLAGGED");
	}

	@Transactional
	public Person changeStatus(ScopedPrincipal user, long id, int version, String statusText, String reason) {
		Person person = current(user, id, version);
		PersonInput input = input();
		PersonStatus status = input.choice("status", PersonStatus.class, statusText, true);
		if (status == PersonStatus.MERGED) {
			input.problem("status", "input.choice");
		}
		String why = input.optional("reason", reason, 300);
		input.check();
		person.changeStatus(status, why, user.getUsername(), clock.instant());
		persons.save(person);
		audit.record(AuditEntry.of("PERSON_STATUS_CHANGED").subject("PERSON", id).region(person.getRegionCode())
				.detail("status", status));
		events.publishEvent(PersonsChanged.of(id, "PERSON_STATUS_CHANGED"));
		return person;
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId}: nothing the merged record knew is lost, and the merged record
	 * remains as a trace pointing to the survivor. Both must be visible to the user and unchanged since it read them.
	 */
	@Transactional
	public Person merge(ScopedPrincipal user, long survivorId, int survivorVersion, long mergedId, int mergedVersion) {
		if (survivorId == mergedId) {
			throw InvalidInput.of("mergedId", "merge.same");
		}
		Person survivor = current(user, survivorId, survivorVersion);
		Person merged = current(user, mergedId, mergedVersion);
		if (merged.getStatus() == PersonStatus.MERGED || survivor.getStatus() == PersonStatus.MERGED) {
			throw InvalidInput.of("mergedId", "merge.alreadyMerged");
		}
		var now = clock.instant();
		survivor.absorb(merged, user.getUsername(), now);
		persons.save(survivor);
		persons.save(merged);
		audit.record(AuditEntry.of("PERSON_MERGED").subject("PERSON", survivorId).region(survivor.getRegionCode())
				.detail("merged", mergedId).detail("mergedRegion", merged.getRegionCode()));
		events.publishEvent(new PersonsChanged(List.of(survivorId, mergedId), "PERSON_MERGED"));
		return survivor;
	}

	private Person current(ScopedPrincipal user, long id, int version) {
		Person person = visible(user, id);
		if (person.getVersion() != version) {
			throw new OptimisticLockingFailureException("person " + id + " changed since it was read");
		}
		if (person.getStatus() == PersonStatus.MERGED) {
			throw InvalidInput.of("status", "person.merged", person.getMergedInto());
		}
		return person;
	}

	private Person saved(Person person, String action) {
		persons.save(person);
		audit.record(AuditEntry.of(action).subject("PERSON", person.getId()).region(person.getRegionCode()));
		events.publishEvent(PersonsChanged.of(person.getId(), action));
		return person;
	}

	private Person.Identity identity(PersonInput input, PersonForm form) {
		String name = input.required("primaryName", form.primaryName(), 200);
		if (name != null && NameKeys.searchKey(name).isEmpty()) {
			input.problem("primaryName", "name.noLetters");
		}
		Sex sex = input.choice("sex", Sex.class, form.sex(), false);
		var birth = input.birth("birthDate", form.birthDate());
		String nationality = input.nationality("nationality", form.nationality());
		String claimed = input.nationality("claimedNationality", form.claimedNationality());
		Category category = input.choice("category", Category.class, form.category(), true);
		String notes = input.optional("notes", form.notes(), 2000);
		return new Person.Identity(name, sex, birth, nationality, claimed, category, notes);
	}

	/** A village within the user's scope; a village official's own village when none is given. */
	private String village(PersonInput input, ScopedPrincipal user, String code) {
		String village = code == null || code.isBlank() ? null : code.strip();
		if (village == null) {
			if (user.scope().coversUnplaced()) {
				return null;
			}
			if (user.scope().regionCode() != null
					&& reference.region(user.scope().regionCode()).map(r -> r.isVillage()).orElse(false)) {
				return user.scope().regionCode();
			}
			input.problem("villageCode", "village.required");
			return null;
		}
		var region = reference.region(village);
		if (region.isEmpty() || region.get().level() != RegionLevel.VILLAGE) {
			input.problem("villageCode", "village.unknown", village);
			return null;
		}
		if (!user.scope().covers(village)) {
			input.problem("villageCode", "village.outsideScope");
			return null;
		}
		return village;
	}

	private String permitType(PersonInput input, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String value = code.strip().toUpperCase(java.util.Locale.ROOT);
		if (reference.permitTypes().stream().noneMatch(t -> t.code().equals(value))) {
			input.problem("permitType", "permit.unknownType", code.strip());
			return null;
		}
		return value;
	}

	private PersonInput input() {
		return new PersonInput(reference, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}
}
