/**
 * Validation (pencocokan): linking village reports and crossings to persons of the registry. The probabilistic
 * linker itself is the pure-Java {@link id.pantau.matching.linkage} package; {@code batch} is the {@code link} command
 * that runs it over two CSV files without a database.
 * <p>
 * It owns {@code match_case}, {@code match_candidate}, {@code match_batch}, {@code match_model}, {@code person_list}
 * and {@code person_list_row}, and publishes {@code match_case_read}. The review queue also reads, in the same SQL as
 * its page of cases, the owners' read models of the records the cases are about ({@code crossing_read},
 * {@code village_report_read}) and of the crossings' batches ({@code import_batch_read}): its filters (source, nationality, age)
 * and its order by the record's date must apply in the database, before a page of 50 is cut, and reading each
 * owner's API for every case in scope would load them all. It never writes those tables; links go through
 * {@code CrossingRecords} and {@code ReportRecords}.
 */
@id.pantau.platform.OwnedTables({
	"match_case", "match_candidate", "match_batch", "match_model", "person_list", "person_list_row" })
@id.pantau.platform.ReadModels({ "match_case_read" })
package id.pantau.matching;
