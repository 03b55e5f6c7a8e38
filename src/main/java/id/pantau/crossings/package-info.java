/**
 * Immigration's entry and exit records (data perlintasan): imported in batches from the TPI files, mapped from the
 * values as written, searched, exported and linked to persons.
 * <p>
 * It owns {@code import_batch}, {@code import_row_error}, {@code crossing}, {@code crossing_staging},
 * {@code import_mapping}, {@code crossing_value_mapping} and {@code import_job} (uploads being imported); other modules use {@link id.pantau.crossings.CrossingRecords}
 * and {@link id.pantau.crossings.CrossingChanges} ({@link id.pantau.crossings.CrossingPersonalData} for the duties of
 * UU 27/2022), or read the views below.
 */
@id.pantau.platform.OwnedTables({
	"import_batch", "import_row_error", "crossing", "crossing_staging", "import_mapping", "crossing_value_mapping",
	"import_job", "crossing_month_count" })
@id.pantau.platform.ReadModels({ "crossing_read", "import_batch_read", "crossing_month_count_read" })
package id.pantau.crossings;
