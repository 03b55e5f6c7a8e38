package id.pantau.registry;

import java.util.List;

/**
 * What became of a crew list: imported whole (a batch), imported before (the same file), or refused whole with the
 * reason of every refused row.
 *
 * @param batchId the list's import batch; null when the list was refused
 * @param alreadyImported the same file (by its SHA-256) was imported before as {@code batchId}; nothing was added
 * @param newPersons crew members the registry did not know, registered from the list
 * @param knownPersons crew members found in the registry by their document
 * @param signedOn assignments to the vessel begun (arrival)
 * @param signedOff assignments to the vessel ended (departure)
 * @param unchanged crew members already signed on the vessel (arrival) or already signed off that day (departure),
 * whose service stays as recorded
 */
public record CrewListResult(Long batchId, boolean alreadyImported, Long vesselId, int rows, int newPersons,
		int knownPersons, int signedOn, int signedOff, int unchanged, List<Refusal> refused) {

	/** A refused row: its number in the file, the reason as a message key and argument, the row as it came. */
	public record Refusal(int rowNumber, String reasonKey, String argument, String raw) {
	}

	public static CrewListResult refused(int rows, List<Refusal> refused) {
		return new CrewListResult(null, false, null, rows, 0, 0, 0, 0, 0, List.copyOf(refused));
	}

	public boolean imported() {
		return batchId != null;
	}
}
