package id.pantau.crossings.importing;

import java.time.Instant;
import java.time.LocalDate;

import id.pantau.crossings.Direction;

/** One crossing record as read from a file, normalised and ready to store. */
public record CrossingRow(int rowNumber, Direction direction, Instant crossedAt, String portCode,
		String documentNumber, String documentKey, String nationality, String fullName, String nameKey,
		LocalDate birthDate, Integer birthYear, String sex, String permitType, LocalDate stayUntil, String transport) {
}
