package id.pantau.crossings.domain;

import java.util.List;

/**
 * What became of an uploaded file.
 *
 * @param batchId the batch, or null when nothing was imported (a layout to map first)
 * @param alreadyImported the same file (by its SHA-256) was imported before, as batch {@code batchId}
 * @param header the file's header, when its layout must be mapped
 * @param missing the required columns the header does not name
 * @param unknown the warnings: ports and permit types the rows wrote that are not known for the origin, kept as
 * written and waiting to be mapped
 */
public record ImportResult(Long batchId, boolean alreadyImported, int read, int added, int known, int refused,
		List<String> header, List<String> missing, List<Unknown> unknown) {

	/**
	 * A written value that is not known, and in how many rows.
	 *
	 * @param written the value as first written, or null for the rows of the values beyond those listed
	 */
	public record Unknown(ValueMappings.Field field, String written, int rows) {
	}

	public ImportResult(Long batchId, boolean alreadyImported, int read, int added, int known, int refused,
			List<String> header, List<String> missing) {
		this(batchId, alreadyImported, read, added, known, refused, header, missing, List.of());
	}

	public boolean needsMapping() {
		return batchId == null;
	}

	/** How many rows carry a value that is not known. */
	public int unknownRows() {
		return unknown.stream().mapToInt(Unknown::rows).sum();
	}
}
