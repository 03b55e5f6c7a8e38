package id.pantau.registry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.pantau.registry.BirthDate;
import id.pantau.registry.Category;
import id.pantau.registry.DocumentType;
import id.pantau.registry.HumanitarianFlag;
import id.pantau.registry.IdentityLinkKind;
import id.pantau.registry.NameSource;
import id.pantau.registry.PersonStatus;
import id.pantau.registry.Sex;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A foreign national as the registry knows them: every name they go by, their documents, permits, residences over
 * time, crew service, identities in other registers, humanitarian flags and the history of their status. The record
 * is placed in the village of its current residence ({@code regionCode}), which decides who may see it.
 */
@Table("person")
public class Person {

	@Id
	private Long id;
	private String primaryName;
	private Sex sex;
	private LocalDate birthDate;
	private Integer birthYear;
	private String nationality;
	private String claimedNationality;
	private Category category;
	private PersonStatus status;
	private String regionCode;
	private Long mergedInto;
	private String notes;
	/** The person's id in a list imported into the registry (Kesbangpol's existing list), if any. */
	private String externalRef;
	private Instant createdAt;
	private String createdBy;
	private Instant updatedAt;
	private String updatedBy;
	@Version
	private Integer version;

	@MappedCollection(idColumn = "person_id")
	private Set<PersonName> names = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<TravelDocument> documents = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<StayPermit> permits = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<Residence> residences = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<VesselAssignment> vesselAssignments = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<IdentityLink> identityLinks = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<FlagEntry> flags = new HashSet<>();
	@MappedCollection(idColumn = "person_id")
	private Set<StatusChange> statusHistory = new HashSet<>();

	Person() {
	}

	static Person register(Identity identity, NameSource nameSource, String actor, Instant now) {
		Person person = new Person();
		person.status = PersonStatus.PRESENT;
		person.createdAt = now;
		person.createdBy = actor;
		person.names.add(NameKeys.entry(identity.primaryName(), nameSource, true, now));
		person.apply(identity, actor, now);
		person.statusHistory.add(new StatusChange(PersonStatus.PRESENT, now, actor, null));
		return person;
	}

	/** The fields of a person's identity that a form edits as a whole. */
	public record Identity(String primaryName, Sex sex, BirthDate birth, String nationality, String claimedNationality,
			Category category, String notes) {
	}

	void update(Identity identity, String actor, Instant now) {
		requireActive();
		if (!identity.primaryName().equals(primaryName)) {
			names.removeIf(n -> n.isPrimary() && n.fullName().equals(primaryName));
			names.removeIf(n -> n.fullName().equals(identity.primaryName()));
			names.add(NameKeys.entry(identity.primaryName(), NameSource.OFFICER, true, now));
		}
		apply(identity, actor, now);
	}

	/** Marks every name and document of a record just made from a report as coming from that report. */
	void citeAll(NameSource source, String sourceRef) {
		Set<PersonName> cited = new HashSet<>();
		names.forEach(n -> cited.add(n.source() == source && n.sourceRef() == null ? new PersonName(n.fullName(),
				n.source(), n.isPrimary(), n.searchKey(), n.phoneticKey(), n.addedAt(), sourceRef) : n));
		names = cited;
		Set<TravelDocument> documentsCited = new HashSet<>();
		documents.forEach(d -> documentsCited.add(d.sourceRef() == null ? new TravelDocument(d.documentType(),
				d.number(), d.numberKey(), d.issuingState(), d.expiryDate(), d.addedAt(), sourceRef) : d));
		documents = documentsCited;
	}

	/**
	 * Fills what the record does not know yet (sex, birth, the nationality the person claims, a first residence) from
	 * another source, never changing what it already holds; how many facts were added.
	 */
	int fillGaps(Sex sex, BirthDate birth, String claimedNationality, String regionCode, LocalDate since,
			String actor, Instant now) {
		requireActive();
		int filled = 0;
		if (this.sex == null && sex != null) {
			this.sex = sex;
			filled++;
		}
		if (birthDate == null && birthYear == null && birth != null && birth.year() != null) {
			birthDate = birth.date();
			birthYear = birth.year();
			filled++;
		}
		if (this.claimedNationality == null && claimedNationality != null) {
			this.claimedNationality = claimedNationality;
			filled++;
		}
		if (residences.isEmpty() && regionCode != null) {
			moveTo(regionCode, null, since, actor, now);
			filled++;
		}
		if (filled > 0) {
			touch(actor, now);
		}
		return filled;
	}

	/** Keeps the person's id in an imported list, unless the person already has one; whether it was new. */
	boolean fillExternalRef(String reference, String actor, Instant now) {
		requireActive();
		if (externalRef != null || reference == null || reference.isBlank()) {
			return false;
		}
		externalRef = reference.strip();
		touch(actor, now);
		return true;
	}

	/**
	 * Takes back what one row of an imported list brought when its link is undone: the aliases and documents cited
	 * with {@code sourceRef} (never the primary name), and the list's id if it is that row's; how many.
	 */
	int withdraw(String sourceRef, String externalId, String actor, Instant now) {
		requireActive();
		int before = names.size() + documents.size();
		names.removeIf(n -> !n.isPrimary() && sourceRef.equals(n.sourceRef()));
		documents.removeIf(d -> sourceRef.equals(d.sourceRef()));
		int withdrawn = before - names.size() - documents.size();
		if (externalId != null && externalId.equals(externalRef)) {
			externalRef = null;
			withdrawn++;
		}
		if (withdrawn > 0) {
			touch(actor, now);
		}
		return withdrawn;
	}

	/** Whether the person holds a permit of this type ending on that day (or with no end, when none is given). */
	boolean hasPermit(String permitType, LocalDate until) {
		return permits.stream().anyMatch(p -> p.permitType().equals(permitType)
				&& Objects.equals(p.validUntil(), until));
	}

	private void apply(Identity identity, String actor, Instant now) {
		this.primaryName = identity.primaryName();
		this.sex = identity.sex();
		this.birthDate = identity.birth().date();
		this.birthYear = identity.birth().year();
		this.nationality = identity.nationality();
		this.claimedNationality = identity.claimedNationality();
		this.category = identity.category();
		this.notes = identity.notes();
		touch(actor, now);
	}

	/** @return whether the name was new to this person */
	boolean addName(String fullName, NameSource source, String actor, Instant now) {
		return addName(fullName, source, null, actor, now);
	}

	boolean addName(String fullName, NameSource source, String sourceRef, String actor, Instant now) {
		requireActive();
		String key = NameKeys.searchKey(fullName);
		if (names.stream().anyMatch(n -> n.fullName().equalsIgnoreCase(fullName.trim()) || (!key.isEmpty()
				&& n.searchKey().equals(key) && n.source() == source))) {
			return false;
		}
		names.add(NameKeys.entry(fullName, source, sourceRef, false, now));
		touch(actor, now);
		return true;
	}

	void addDocument(DocumentType type, String number, String issuingState, LocalDate expiry, String actor,
			Instant now) {
		addDocument(type, number, issuingState, expiry, null, actor, now);
	}

	void addDocument(DocumentType type, String number, String issuingState, LocalDate expiry, String sourceRef,
			String actor, Instant now) {
		requireActive();
		String key = NameKeys.documentKey(number);
		documents.removeIf(d -> d.numberKey().equals(key) && d.documentType() == type);
		documents.add(new TravelDocument(type, NameKeys.documentNumber(number), key, issuingState, expiry, now,
				sourceRef));
		touch(actor, now);
	}

	void addPermit(String permitType, String number, LocalDate from, LocalDate until, String sponsor, String actor,
			Instant now) {
		requireActive();
		permits.add(new StayPermit(permitType, number, from, until, sponsor, now));
		touch(actor, now);
	}

	/** Closes the current residence, if any, and places the person in {@code regionCode} from {@code since}. */
	void moveTo(String regionCode, String address, LocalDate since, String actor, Instant now) {
		requireActive();
		List<Residence> current = residences.stream().filter(Residence::isCurrent).toList();
		for (Residence residence : current) {
			residences.remove(residence);
			LocalDate end = since != null ? since : LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
			if (residence.since() != null && end.isBefore(residence.since())) {
				end = residence.since();
			}
			residences.add(new Residence(residence.regionCode(), residence.address(), residence.since(), end,
					residence.addedAt()));
		}
		residences.add(new Residence(regionCode, address, since, null, now));
		this.regionCode = regionCode;
		touch(actor, now);
	}

	void assignToVessel(long vesselId, String role, LocalDate signedOn, LocalDate signedOff, String actor,
			Instant now) {
		requireActive();
		vesselAssignments.add(new VesselAssignment(vesselId, role, signedOn, signedOff, now));
		touch(actor, now);
	}

	/** The person's service on the vessel that has begun and not ended, if any. */
	Optional<VesselAssignment> openAssignment(long vesselId) {
		return vesselAssignments.stream().filter(a -> a.vesselId() == vesselId && a.signedOff() == null)
				.max(Comparator.comparing(VesselAssignment::signedOn, Comparator.nullsFirst(Comparator.naturalOrder())));
	}

	/**
	 * Ends the person's open service on the vessel on {@code date}, or, when none is open (the list of the arrival
	 * never came), records a service that ended then.
	 *
	 * @throws IllegalArgumentException when the open service began after {@code date}
	 */
	void signOff(long vesselId, String role, LocalDate date, String actor, Instant now) {
		requireActive();
		Optional<VesselAssignment> open = openAssignment(vesselId);
		if (open.isEmpty()) {
			vesselAssignments.add(new VesselAssignment(vesselId, role, null, date, now));
		}
		else {
			VesselAssignment assignment = open.get();
			if (assignment.signedOn() != null && date.isBefore(assignment.signedOn())) {
				throw new IllegalArgumentException("signed off before signing on");
			}
			vesselAssignments.remove(assignment);
			vesselAssignments.add(new VesselAssignment(vesselId, assignment.crewRole() != null
					? assignment.crewRole() : role, assignment.signedOn(), date, assignment.addedAt()));
		}
		touch(actor, now);
	}

	void linkIdentity(IdentityLinkKind kind, String value, String notes, String actor, Instant now) {
		requireActive();
		String normal = value.replaceAll("\\s", "");
		identityLinks.removeIf(l -> l.kind() == kind && l.value().equals(normal));
		identityLinks.add(new IdentityLink(kind, normal, notes, now));
		touch(actor, now);
	}

	void flag(HumanitarianFlag flag, LocalDate since, String notes, String actor, Instant now) {
		requireActive();
		flags.removeIf(f -> f.flag() == flag);
		flags.add(new FlagEntry(flag, since, notes, now));
		touch(actor, now);
	}

	void changeStatus(PersonStatus next, String reason, String actor, Instant now) {
		requireActive();
		if (!next.isChoosable()) {
			throw new IllegalArgumentException("Use merge to merge records");
		}
		if (next == status) {
			return;
		}
		status = next;
		statusHistory.add(new StatusChange(next, now, actor, reason));
		touch(actor, now);
	}

	/**
	 * Takes in everything the other record knows: its names become aliases, its documents, permits, residences, crew
	 * service, identity links, flags and status history are kept here. The other record stays as a trace, marked as
	 * merged into this one.
	 */
	void absorb(Person other, String actor, Instant now) {
		requireActive();
		other.requireActive();
		for (PersonName name : other.names) {
			if (names.stream().noneMatch(n -> n.fullName().equalsIgnoreCase(name.fullName()))) {
				names.add(new PersonName(name.fullName(), name.source(), false, name.searchKey(), name.phoneticKey(),
						name.addedAt(), name.sourceRef()));
			}
		}
		for (TravelDocument document : other.documents) {
			if (documents.stream().noneMatch(d -> d.numberKey().equals(document.numberKey())
					&& d.documentType() == document.documentType())) {
				documents.add(document);
			}
		}
		permits.addAll(other.permits);
		boolean hadResidence = !residences.isEmpty();
		for (Residence residence : other.residences) {
			residences.add(hadResidence && residence.isCurrent()
					? new Residence(residence.regionCode(), residence.address(), residence.since(),
							LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), residence.addedAt())
					: residence);
		}
		if (!hadResidence) {
			regionCode = other.regionCode;
		}
		vesselAssignments.addAll(other.vesselAssignments);
		identityLinks.addAll(other.identityLinks);
		for (FlagEntry flag : other.flags) {
			if (flags.stream().noneMatch(f -> f.flag() == flag.flag())) {
				flags.add(flag);
			}
		}
		statusHistory.addAll(other.statusHistory);
		if (sex == null) {
			sex = other.sex;
		}
		if (birthYear == null || (birthDate == null && other.birthDate != null && other.birthYear.equals(birthYear))) {
			birthDate = other.birthDate;
			birthYear = other.birthYear;
		}
		if (nationality == null) {
			nationality = other.nationality;
		}
		if (claimedNationality == null) {
			claimedNationality = other.claimedNationality;
		}
		if (externalRef == null) {
			externalRef = other.externalRef;
		}
		touch(actor, now);

		other.status = PersonStatus.MERGED;
		other.mergedInto = id;
		other.statusHistory.add(new StatusChange(PersonStatus.MERGED, now, actor, "#" + id));
		other.touch(actor, now);
	}

	private void requireActive() {
		if (status == PersonStatus.MERGED) {
			throw new IllegalStateException("Person " + id + " was merged into " + mergedInto);
		}
	}

	private void touch(String actor, Instant now) {
		this.updatedAt = now;
		this.updatedBy = actor;
	}

	public Long getId() {
		return id;
	}

	public String getPrimaryName() {
		return primaryName;
	}

	public Sex getSex() {
		return sex;
	}

	public BirthDate getBirth() {
		return new BirthDate(birthDate, birthYear);
	}

	public String getNationality() {
		return nationality;
	}

	public String getClaimedNationality() {
		return claimedNationality;
	}

	public Category getCategory() {
		return category;
	}

	public PersonStatus getStatus() {
		return status;
	}

	public String getRegionCode() {
		return regionCode;
	}

	public Long getMergedInto() {
		return mergedInto;
	}

	public String getNotes() {
		return notes;
	}

	public String getExternalRef() {
		return externalRef;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public Integer getVersion() {
		return version;
	}

	/** The primary name first, then aliases by when they were learnt. */
	public List<PersonName> getNames() {
		return sorted(names, Comparator.comparing((PersonName n) -> !n.isPrimary()).thenComparing(PersonName::addedAt));
	}

	public List<TravelDocument> getDocuments() {
		return sorted(documents, Comparator.comparing(TravelDocument::addedAt));
	}

	/** Latest ending first. */
	public List<StayPermit> getPermits() {
		return sorted(permits, Comparator.comparing(StayPermit::validUntil, Comparator.nullsLast(Comparator.reverseOrder())));
	}

	/** The current residence first, then the earlier ones, newest first. */
	public List<Residence> getResidences() {
		return sorted(residences, Comparator.comparing(Residence::isCurrent).reversed()
				.thenComparing(Residence::since, Comparator.nullsLast(Comparator.reverseOrder())));
	}

	public List<VesselAssignment> getVesselAssignments() {
		return sorted(vesselAssignments,
				Comparator.comparing(VesselAssignment::signedOn, Comparator.nullsLast(Comparator.reverseOrder())));
	}

	public List<IdentityLink> getIdentityLinks() {
		return sorted(identityLinks, Comparator.comparing(IdentityLink::addedAt));
	}

	public List<FlagEntry> getFlags() {
		return sorted(flags, Comparator.comparing(FlagEntry::addedAt));
	}

	/** Newest first. */
	public List<StatusChange> getStatusHistory() {
		return sorted(statusHistory, Comparator.comparing(StatusChange::changedAt).reversed());
	}

	private static <T> List<T> sorted(Set<T> items, Comparator<T> order) {
		List<T> list = new ArrayList<>(items);
		list.sort(order);
		return list;
	}
}
