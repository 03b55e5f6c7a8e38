package id.pantau.registry.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.pantau.registry.domain.Person;

/** A person as the JSON API shows it. */
record PersonRecord(long id, int version, String primaryName, List<Name> names, String sex, String birthDate,
		String nationality, String claimedNationality, String category, String status, String villageCode,
		Long mergedInto, String notes, List<Document> documents, List<Permit> permits, List<Residence> residences,
		List<CrewService> vesselAssignments, List<Link> identityLinks, List<Flag> flags,
		List<StatusChange> statusHistory, Instant updatedAt) {

	record Name(String name, String source, boolean primary) {
	}

	record Document(String type, String number, String issuingState, LocalDate expiryDate) {
	}

	record Permit(String type, String number, LocalDate validFrom, LocalDate validUntil, String sponsor) {
	}

	record Residence(String villageCode, String address, LocalDate since, LocalDate until) {
	}

	record CrewService(long vesselId, String role, LocalDate signedOn, LocalDate signedOff) {
	}

	record Link(String kind, String value) {
	}

	record Flag(String flag, LocalDate since, String notes) {
	}

	record StatusChange(String status, Instant changedAt, String changedBy, String reason) {
	}

	static PersonRecord of(Person p) {
		return new PersonRecord(p.getId(), p.getVersion(), p.getPrimaryName(),
				p.getNames().stream().map(n -> new Name(n.fullName(), n.source().name(), n.isPrimary())).toList(),
				p.getSex() == null ? null : p.getSex().name(), p.getBirth().isKnown() ? p.getBirth().text() : null,
				p.getNationality(), p.getClaimedNationality(), p.getCategory().name(), p.getStatus().name(),
				p.getRegionCode(), p.getMergedInto(), p.getNotes(),
				p.getDocuments().stream().map(d -> new Document(d.documentType().name(), d.number(), d.issuingState(),
						d.expiryDate())).toList(),
				p.getPermits().stream().map(s -> new Permit(s.permitType(), s.number(), s.validFrom(), s.validUntil(),
						s.sponsor())).toList(),
				p.getResidences().stream().map(r -> new Residence(r.regionCode(), r.address(), r.since(), r.until()))
						.toList(),
				p.getVesselAssignments().stream().map(a -> new CrewService(a.vesselId(), a.crewRole(), a.signedOn(),
						a.signedOff())).toList(),
				p.getIdentityLinks().stream().map(l -> new Link(l.kind().name(), l.value())).toList(),
				p.getFlags().stream().map(f -> new Flag(f.flag().name(), f.since(), f.notes())).toList(),
				p.getStatusHistory().stream().map(s -> new StatusChange(s.status().name(), s.changedAt(),
						s.changedBy(), s.reason())).toList(),
				p.getUpdatedAt());
	}
}
