package id.pantau.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A person as records already tell of them, to be registered in one go: who they are, then what is known of them in
 * the order it happened (names, documents, permits, residences, crew service, identity links, flags, status). For
 * records that come whole from elsewhere, such as a prepared data set; see {@link Registry#registerHistories}.
 */
public final class PersonHistory {

	/** One thing known of the person, applied in order as the registry's own workflow would. */
	public sealed interface Event permits NameAdded, DocumentAdded, PermitAdded, IdentityLinked, VesselServed,
			Flagged, Moved, StatusChanged {
	}

	public record NameAdded(String fullName, NameSource source) implements Event {
	}

	public record DocumentAdded(DocumentType type, String number, String issuingState, LocalDate expiry)
			implements Event {
	}

	public record PermitAdded(String permitType, String number, LocalDate from, LocalDate until, String sponsor)
			implements Event {
	}

	public record IdentityLinked(IdentityLinkKind kind, String value, String notes) implements Event {
	}

	public record VesselServed(long vesselId, String role, LocalDate signedOn, LocalDate signedOff) implements Event {
	}

	public record Flagged(HumanitarianFlag flag, LocalDate since, String notes) implements Event {
	}

	public record Moved(String regionCode, String address, LocalDate since) implements Event {
	}

	public record StatusChanged(PersonStatus status, String reason) implements Event {
	}

	private final String primaryName;
	private final Sex sex;
	private final BirthDate birth;
	private final String nationality;
	private final String claimedNationality;
	private final Category category;
	private final String notes;
	private final NameSource nameSource;
	private final List<Event> events = new ArrayList<>();

	public PersonHistory(String primaryName, Sex sex, BirthDate birth, String nationality, String claimedNationality,
			Category category, String notes, NameSource nameSource) {
		this.primaryName = primaryName;
		this.sex = sex;
		this.birth = birth;
		this.nationality = nationality;
		this.claimedNationality = claimedNationality;
		this.category = category;
		this.notes = notes;
		this.nameSource = nameSource;
	}

	public PersonHistory name(String fullName, NameSource source) {
		return add(new NameAdded(fullName, source));
	}

	public PersonHistory document(DocumentType type, String number, String issuingState, LocalDate expiry) {
		return add(new DocumentAdded(type, number, issuingState, expiry));
	}

	public PersonHistory permit(String permitType, String number, LocalDate from, LocalDate until, String sponsor) {
		return add(new PermitAdded(permitType, number, from, until, sponsor));
	}

	public PersonHistory link(IdentityLinkKind kind, String value, String notes) {
		return add(new IdentityLinked(kind, value, notes));
	}

	public PersonHistory vessel(long vesselId, String role, LocalDate signedOn, LocalDate signedOff) {
		return add(new VesselServed(vesselId, role, signedOn, signedOff));
	}

	public PersonHistory flag(HumanitarianFlag flag, LocalDate since, String notes) {
		return add(new Flagged(flag, since, notes));
	}

	public PersonHistory moveTo(String regionCode, String address, LocalDate since) {
		return add(new Moved(regionCode, address, since));
	}

	public PersonHistory status(PersonStatus status, String reason) {
		return add(new StatusChanged(status, reason));
	}

	private PersonHistory add(Event event) {
		events.add(event);
		return this;
	}

	public String primaryName() {
		return primaryName;
	}

	public Sex sex() {
		return sex;
	}

	public BirthDate birth() {
		return birth;
	}

	/** The nationality the documents show, or null. */
	public String nationality() {
		return nationality;
	}

	public String claimedNationality() {
		return claimedNationality;
	}

	public Category category() {
		return category;
	}

	public String notes() {
		return notes;
	}

	public NameSource nameSource() {
		return nameSource;
	}

	public List<Event> events() {
		return List.copyOf(events);
	}

	/** The events of one kind, in order. */
	public <E extends Event> List<E> events(Class<E> kind) {
		return events.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	/** The status after every event: present unless a status change says otherwise. */
	public PersonStatus status() {
		List<StatusChanged> changes = events(StatusChanged.class);
		return changes.isEmpty() ? PersonStatus.PRESENT : changes.get(changes.size() - 1).status();
	}

	/** The village lived in after every event, or null. */
	public String regionCode() {
		List<Moved> moves = events(Moved.class);
		return moves.isEmpty() ? null : moves.get(moves.size() - 1).regionCode();
	}

	public boolean hasPermit(String permitType) {
		return events(PermitAdded.class).stream().anyMatch(p -> permitType.equals(p.permitType()));
	}
}
