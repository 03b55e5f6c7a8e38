package id.pantau.crossings.domain;

import java.util.List;

/**
 * What became of an uploaded file.
 *
 * @param batchId the batch, or null when nothing was imported (a layout to map first)
 * @param alreadyImported the same file (by its SHA-256) was imported before, as batch {@code batchId}
 * @param header the file's header, when its layout must be mapped
 * @param missing the required columns the header does not name
 */
public record ImportResult(Long batchId, boolean alreadyImported, int read, int added, int known, int refused,
		List<String> header, List<String> missing) {

	public boolean needsMapping() {
		return batchId == null;
	}
}
