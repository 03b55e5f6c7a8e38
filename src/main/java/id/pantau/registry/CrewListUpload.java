package id.pantau.registry;

import java.time.LocalDate;

/**
 * A crew list as uploaded: the vessel (a registered one, or the name of one to register with the list), whether the
 * crew signed on (the vessel's arrival) or off (its departure), on which date, on what legal basis and from where.
 *
 * @param vesselId a registered vessel, or null to register {@code newVesselName}
 */
public record CrewListUpload(Long vesselId, String newVesselName, Direction direction, LocalDate date,
		String legalBasis, String origin, String fileName) {

	/** Arrival: the crew signed on. Departure: the crew signed off. */
	public enum Direction {
		ARRIVAL, DEPARTURE
	}
}
