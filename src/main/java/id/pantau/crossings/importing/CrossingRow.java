package id.pantau.crossings.importing;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.crossings.Direction;

/**
 * One crossing record as read from a file, normalised and ready to store.
 *
 * @param portCode the known port's code, or the written port's key ({@link WrittenValues#key}) when it is not known
 * @param portWritten the port exactly as written
 * @param portKnown the written port is a known port (by its code or name, or mapped for the file's origin)
 * @param permitType the known permit type's code, or the permit type exactly as written when it is not known; null
 * when none is written
 * @param permitWritten the permit type exactly as written, or null
 * @param permitKnown no permit type is written, or the written one is a known type (or mapped for the origin)
 */
public record CrossingRow(int rowNumber, Direction direction, Instant crossedAt, String portCode, String portWritten,
		boolean portKnown, String documentNumber, String documentKey, String nationality, String fullName,
		String nameKey, LocalDate birthDate, Integer birthYear, String sex, String permitType, String permitWritten,
		boolean permitKnown, LocalDate stayUntil, String transport) {
}
